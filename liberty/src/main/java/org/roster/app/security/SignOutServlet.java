package org.roster.app.security;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Signing out (a POST, checked by {@link CsrfGuard}): ends Roster's session, then the provider's,
 * which sends the browser back to Roster's first page (and so to the sign-in page). A page asking
 * for JSON gets {@code {"next": "<the provider's sign-out address>"}} and goes there itself.
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
        String next = signIn.providerSignOut(home).orElse(home);
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("application/json")) {
            // The pages sign out with a request of their own (it carries the CSRF header) and then go
            // where this says: a form's redirect to the identity provider would break the pages'
            // Content-Security-Policy (form-action 'self').
            response.setContentType("application/json");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(Json.createObjectBuilder().add("next", next).build().toString());
            return;
        }
        response.sendRedirect(next);
    }
}
