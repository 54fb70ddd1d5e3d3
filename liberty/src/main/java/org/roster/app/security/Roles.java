package org.roster.app.security;

/** The application's roles, mapped to the identity provider's groups of the same names. */
public final class Roles {

    /** Configures directory sources, starts runs, approves large removals. */
    public static final String DIRECTORY_ADMIN = "directory-admin";
    /** Writes, simulates, approves and publishes policies; reads the audit trail. */
    public static final String COMPLIANCE_OFFICER = "compliance-officer";
    /** Reads and verifies the audit trail. */
    public static final String AUDITOR = "auditor";
    /** Sees what Roster holds about them, opts out, links a messenger. */
    public static final String EMPLOYEE = "employee";

    private Roles() {
    }
}
