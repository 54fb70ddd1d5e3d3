package org.roster.policy;

import java.util.Arrays;
import java.util.Optional;

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
    EMPLOYEE_TYPE("employeeType"),
    MANAGER("manager");

    private final String policyName;

    PersonField(String policyName) {
        this.policyName = policyName;
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
