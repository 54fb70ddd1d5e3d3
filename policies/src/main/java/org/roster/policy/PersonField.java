package org.roster.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The fields a policy can talk about, by the name a policy file uses for them.
 *
 * <p>Sources map their own attributes onto these names (for LDAP, {@code sn} becomes
 * {@code surname}); a policy's {@code fields} allowlist picks which of them may leave Roster.
 *
 * <pre>{@code
 * PersonField.byName("mobile"); // Optional[MOBILE]
 * }</pre>
 */
public enum PersonField {
    GIVEN_NAME("givenName"),
    SURNAME("surname"),
    DISPLAY_NAME("displayName"),
    MOBILE("mobile"),
    WORK_PHONE("workPhone"),
    MAIL("mail"),
    DEPARTMENT("department"),
    LOCATION("location"),
    TITLE("title"),
    EMPLOYEE_TYPE("employeeType", false),
    MANAGER("manager", false),
    /** The directory says the account is disabled ({@code true}/{@code yes}/{@code 1}). */
    ACCOUNT_DISABLED("accountDisabled", false),
    /** A directory attribute by which an employee opts out ({@code true}/{@code yes}/{@code 1}). */
    OPT_OUT("optOut", false),
    /** A directory attribute by which an employee opts in, for consent mode. */
    CONSENT("consent", false);

    private final String policyName;
    private final boolean releasable;

    PersonField(String policyName) {
        this(policyName, true);
    }

    PersonField(String policyName, boolean releasable) {
        this.policyName = policyName;
        this.releasable = releasable;
    }

    /**
     * Whether a policy may let this field leave Roster. Flags and references (employee type,
     * manager, disabled, opt-out, consent) steer decisions but are never delivered to anyone.
     */
    public boolean releasable() {
        return releasable;
    }

    /** Whether a flag field's value means yes: {@code true}, {@code yes}, {@code 1}, {@code on}. */
    public static boolean isYes(String value) {
        return Set.of("true", "yes", "1", "on", "y").contains(value.strip().toLowerCase(Locale.ROOT));
    }

    /** The name used in policy files and in the API. */
    public String policyName() {
        return policyName;
    }

    /** The field a policy file names, if there is one by that name. */
    public static Optional<PersonField> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.policyName.equals(name)).findFirst();
    }
}
