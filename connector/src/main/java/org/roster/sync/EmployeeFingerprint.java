package org.roster.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.roster.directory.Employee;
import org.roster.policy.PersonField;

/**
 * A digest of what is stored about one employee: id, directory name, every field in a fixed order,
 * groups in sorted order, and the scope decision. A run compares it with the stored one before it
 * writes, so a directory read again without change writes nothing but "seen".
 *
 * <pre>{@code
 * String stored = EmployeeFingerprint.of(employee, true, true, "all-scope-rules-passed", null);
 * }</pre>
 */
public final class EmployeeFingerprint {

    private static final byte FIELD = 0;
    private static final byte PART = 1;

    private EmployeeFingerprint() {
    }

    /**
     * @param receives  whether the employee receives contacts
     * @param delivered whether the employee may be delivered to others
     * @param ruleId    the rule that decided the scope
     * @param reason    the decision's reason, or null when there is none
     */
    public static String of(Employee employee, boolean receives, boolean delivered, String ruleId, String reason) {
        MessageDigest sha = sha256();
        update(sha, employee.id());
        update(sha, employee.reference());
        sha.update(PART);
        for (PersonField field : PersonField.values()) {
            String value = employee.values().get(field);
            if (value != null) {
                update(sha, field.policyName());
                update(sha, value);
            }
        }
        sha.update(PART);
        employee.groups().stream().sorted().forEach(group -> update(sha, group));
        sha.update(PART);
        sha.update((byte) (receives ? 'r' : '-'));
        sha.update((byte) (delivered ? 'd' : '-'));
        update(sha, ruleId);
        if (reason != null) {
            update(sha, reason);
        }
        // 128 bits are plenty to tell one employee's versions apart
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(sha.digest(), 16));
    }

    private static void update(MessageDigest sha, String value) {
        sha.update(value.getBytes(StandardCharsets.UTF_8));
        sha.update(FIELD);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
