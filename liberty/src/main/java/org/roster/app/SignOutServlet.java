package org.roster.app;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Signing out (a form POST, checked by {@link CsrfGuard}): ends Roster's session, then the
 * provider's, which sends the browser back to Roster's first page (and so to the sign-in page).
 */
@WebServlet("/signout")
public class SignOutServlet extends HttpServlet {

    @Inject
    SignIn signIn;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String home = request.getRequestURL().toString().replaceAll("/signout$", "/");
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(signIn.providerSignOut(home).orElse(home));
    }
}
