package org.roster.sync;

import java.security.MessageDigest;
import java.util.Arrays;
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


    private EmployeeFingerprint() {
    }

    /**
     * @param receives  whether the employee receives contacts
     * @param delivered whether the employee may be delivered to others
     * @param ruleId    the rule that decided the scope
     * @param reason    the decision's reason, or null when there is none
     */
    public static String of(Employee employee, boolean receives, boolean delivered, String ruleId, String reason) {
        MessageDigest sha = Sha256.fresh();
        Sha256.value(sha, employee.id());
        Sha256.value(sha, employee.reference());
        Sha256.part(sha);
        for (PersonField field : PersonField.values()) {
            String value = employee.values().get(field);
            if (value != null) {
                Sha256.value(sha, field.policyName());
                Sha256.value(sha, value);
            }
        }
        Sha256.part(sha);
        String[] groups = employee.groups().toArray(String[]::new);
        Arrays.sort(groups);
        for (String group : groups) {
            Sha256.value(sha, group);
        }
        Sha256.part(sha);
        sha.update((byte) (receives ? 'r' : '-'));
        sha.update((byte) (delivered ? 'd' : '-'));
        Sha256.value(sha, ruleId);
        if (reason != null) {
            Sha256.value(sha, reason);
        }
        // 128 bits are plenty to tell one employee's versions apart
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha.digest(), 16));
    }
}
