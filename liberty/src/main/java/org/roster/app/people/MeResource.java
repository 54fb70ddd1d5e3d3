package org.roster.app.people;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.roster.app.audit.AuditTrail;
import org.roster.app.config.TransactionalWork;
import org.roster.app.http.Problem;
import org.roster.app.platforms.AppPasswords;
import org.roster.app.platforms.TelegramService;
import org.roster.app.policies.ActivePolicy;
import org.roster.app.security.Roles;
import org.roster.app.security.SignIn;
import org.roster.platform.telegram.TdException;
import org.roster.policy.InvalidPolicyException;
import org.roster.records.DeliveredContacts;
import org.roster.records.SelfServiceChoices;

/**
 * An employee's own page: what Roster holds about them and why, who receives their contact, and
 * their choices (opt out, opt in for consent mode). Choices take effect at the next run.
 * The signed-in person is matched to their directory entry by {@link SignIn#employeeId}.
 */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EMPLOYEE)
public class MeResource {

    @Inject
    SelfServiceChoices choices;

    @Inject
    DeliveredContacts delivered;

    @Inject
    TransactionalWork tx;

    @Inject
    AuditTrail trail;

    @Inject
    SignIn signIn;

    @Inject
    ActivePolicy policy;

    @Inject
    EmployeeViews employees;

    @Inject
    SeenByColleagues seenByColleagues;

    @Context
    SecurityContext security;

    private final Clock clock = Clock.systemUTC();

    /**
     * What an employee sees about themselves.
     *
     * @param seenBy           how many colleagues currently receive this employee's contact
     * @param seenByColleagues the first of them by name, each with what the policy releases about them
     *                         and the rule through which they receive it
     * @param consentRequired  whether the active policy shares only the contacts of employees who opted in
     */
    public record MeView(EmployeeView held, boolean optedOut, boolean optedIn, long seenBy,
                         List<SeenByColleagues.Colleague> seenByColleagues, boolean consentRequired,
                         ContactsView contacts) {
    }

    @GET
    @Operation(summary = "What Roster holds about me, why I am in or out, who has my contact, and my contacts")
    public MeView me() {
        String id = id();
        EmployeeView held = employees.view(id);
        Optional<SelfServiceChoices.Choice> choice = choices.choice(id);
        long seenBy = delivered.receiverCount(id);
        return new MeView(held, choice.map(SelfServiceChoices.Choice::optedOut).orElse(false),
                choice.map(SelfServiceChoices.Choice::optedIn).orElse(false), seenBy, seenByColleagues.of(id),
                consentRequired(), employees.contacts(id));
    }

    @POST
    @Path("opt-out")
    @Operation(summary = "Opt out: from the next run my contact goes to nobody and I receive none")
    public Map<String, Object> optOut() {
        return choose(true, null, "opted out");
    }

    @DELETE
    @Path("opt-out")
    @Operation(summary = "Opt back in after opting out")
    public Map<String, Object> optBackIn() {
        return choose(false, null, "withdrew the opt-out");
    }

    @POST
    @Path("consent")
    @Operation(summary = "Consent to my number being sent to colleagues' messengers (for policies that require it)")
    public Map<String, Object> consent() {
        return choose(null, true, "gave consent");
    }

    @DELETE
    @Path("consent")
    @Operation(summary = "Withdraw my consent")
    public Map<String, Object> withdrawConsent() {
        return choose(null, false, "withdrew consent");
    }

    private boolean consentRequired() {
        try {
            return policy.load().consent().required();
        } catch (InvalidPolicyException e) {
            // the active policy was valid when published; if it can't be read now, runs stop too
            return false;
        }
    }

    private Map<String, Object> choose(Boolean optOut, Boolean optIn, String what) {
        String id = id();
        SelfServiceChoices.Choice saved = tx.inTransaction(() -> {
            SelfServiceChoices.Choice choice = choices.choose(id, optOut, optIn, clock.instant());
            trail.record(id, "self-service." + what.replace(' ', '-'), "employee:" + id, id + " " + what
                    + "; effective at the next run");
            return choice;
        });
        Map<String, Object> state = new TreeMap<>();
        state.put("optedOut", saved.optedOut());
        state.put("optedIn", saved.optedIn());
        state.put("effective", "at the next run");
        return state;
    }

    @Inject
    AppPasswords passwords;

    /** Where the address book is, and the passwords made for it (never the passwords themselves). */
    public record AddressBookView(String url, String wellKnown, String username, List<AppPasswords.Listed> passwords) {
    }

    /** A password just made: shown this once. */
    public record AppPasswordRequest(String label) {
    }

    @GET
    @Path("address-book")
    @Operation(summary = "My CardDAV address book: its address, my user name, and the app passwords I made")
    public AddressBookView addressBook(@Context UriInfo uri) {
        String id = id();
        String base = uri.getBaseUri().resolve("/").toString().replaceAll("/$", "");
        return new AddressBookView(base + "/dav/addressbooks/" + URLEncoder.encode(id,
                StandardCharsets.UTF_8).replace("+", "%20") + "/contacts/",
                base + "/.well-known/carddav", id, passwords.list(id));
    }

    @POST
    @Path("app-passwords")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make an app password for a device's address book", description = "The answer holds the "
            + "password; it is shown this once and kept only as a hash.")
    public Response createAppPassword(AppPasswordRequest request) {
        String id = id();
        AppPasswords.Created created;
        try {
            created = passwords.create(id, request == null ? null : request.label());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        }
        return Response.status(201).entity(created).build();
    }

    @DELETE
    @Path("app-passwords/{passwordId}")
    @Operation(summary = "Revoke an app password: the device it was for can no longer read the address book")
    public Response revokeAppPassword(@PathParam("passwordId") long passwordId) {
        String id = id();
        if (!passwords.revoke(id, passwordId)) {
            throw Problem.notFound("You have no app password " + passwordId + ".");
        }
        return Response.noContent().build();
    }

    @Inject
    TelegramService telegram;

    /** A step of linking Telegram: the login code, or the two-step verification password. */
    public record TelegramStep(String code, String password) {
    }

    @GET
    @Path("telegram")
    @Operation(summary = "Whether my Telegram account is linked, or where linking stands")
    public TelegramService.Link telegramStatus() {
        return telegram.status(id());
    }

    @POST
    @Path("telegram")
    @Operation(summary = "Start linking my Telegram account", description = "Telegram sends a login code to the "
            + "account of the mobile number the directory holds for me; only that number can be linked.")
    public TelegramService.Link linkTelegram() {
        String id = id();
        return telegramStep(() -> telegram.start(id));
    }

    @POST
    @Path("telegram/code")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give the login code Telegram sent")
    public TelegramService.Link telegramCode(TelegramStep step) {
        String id = id();
        return telegramStep(() -> telegram.code(id, step == null ? null : step.code()));
    }

    @POST
    @Path("telegram/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give my account's two-step verification password (used once, never kept)")
    public TelegramService.Link telegramPassword(TelegramStep step) {
        String id = id();
        char[] password = step == null || step.password() == null ? new char[0] : step.password().toCharArray();
        return telegramStep(() -> telegram.password(id, password));
    }

    @DELETE
    @Path("telegram")
    @Operation(summary = "Unlink my Telegram account: Roster removes the colleagues it added (unless I keep them), "
            + "then signs out and deletes the session", description = "colleagues=remove (the default) removes "
            + "every colleague Roster imported into the account first, never a contact of my own; colleagues=keep "
            + "leaves them. 204 once unlinked; 202 with the link's state while Telegram makes Roster wait, and the "
            + "next run finishes it.")
    public Response unlinkTelegram(
            @QueryParam("colleagues") @DefaultValue("remove") String colleagues) {
        String id = id();
        boolean remove = switch (colleagues.strip()) {
            case "remove" -> true;
            case "keep" -> false;
            default -> throw Problem.badRequest("colleagues must be remove (the default: Roster removes the colleagues "
                    + "it added to your Telegram) or keep, not \"" + shortened(colleagues) + "\".");
        };
        TelegramService.Link unlinking = telegramStep(() -> telegram.unlink(id, remove) ? null : telegram.status(id));
        return unlinking == null ? Response.noContent().build()
                : Response.accepted(unlinking).build();
    }

    /** A value quoted back in an error, cut to a length that can't flood it. */
    private static String shortened(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "…";
    }

    @FunctionalInterface
    private interface TelegramWork {
        TelegramService.Link run() throws TdException;
    }

    /** Telegram's refusals (a wrong code, a wrong password) in its plain words, as a 400. */
    private static TelegramService.Link telegramStep(TelegramWork work) {
        try {
            return work.run();
        } catch (TdException | IllegalArgumentException e) {
            throw Problem.badRequest(e.getMessage());
        } catch (IllegalStateException e) {
            throw Problem.conflict(e.getMessage());
        }
    }

    private String id() {
        Principal principal = security.getUserPrincipal();
        SignIn.Self self = signIn.self(principal);
        if (self instanceof SignIn.Self.Found found) {
            return found.employeeId();
        }
        if (self instanceof SignIn.Self.MailNotVerified) {
            throw Problem.forbidden("Your identity provider has not verified your e-mail address, so Roster "
                    + "can't match you to the directory. Verify the address with your provider, then sign in again.");
        }
        throw Problem.notFound("You (" + principal.getName() + ") have not been read from the directory yet; the next "
                + "sync will bring you in.");
    }
}
