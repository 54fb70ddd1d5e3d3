package org.roster.app.config;

/** A database role and its password; the password never shows in {@link #toString()}. */
record DatabaseCredentials(String user, char[] password) {
    @Override
    public String toString() {
        return user;
    }

    /** A role's name quoted for SQL, whatever it holds. */
    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
