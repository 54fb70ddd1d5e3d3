package org.roster.store;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.roster.directory.Employee;
import org.roster.policy.PersonField;

/** The directory as last read: one row per employee, with the scope decision of the last run. */
@Entity
@Table(name = "employee")
public class EmployeeEntity {

    /** Lifecycle of a row: present in the directory, or gone from it. */
    public enum Status { ACTIVE, GONE }

    @Id
    @Column(name = "id", length = 256)
    private String id;

    @Column(name = "reference", length = 1024, nullable = false)
    private String reference;

    @Column(name = "given_name") private String givenName;
    @Column(name = "surname") private String surname;
    @Column(name = "display_name") private String displayName;
    @Column(name = "mobile") private String mobile;
    @Column(name = "work_phone") private String workPhone;
    @Column(name = "mail") private String mail;
    @Column(name = "department") private String department;
    @Column(name = "location") private String location;
    @Column(name = "title") private String title;
    @Column(name = "employee_type") private String employeeType;
    @Column(name = "manager", length = 1024) private String manager;
    @Column(name = "account_disabled", length = 32) private String accountDisabled;
    @Column(name = "opt_out", length = 32) private String optOut;
    @Column(name = "consent", length = 32) private String consent;
    /** The reference and manager in the comparable form of {@link org.roster.policy.Names#dn}. */
    @Column(name = "reference_key", length = 1024) private String referenceKey;
    @Column(name = "manager_key", length = 1024) private String managerKey;
    /** Whether others may receive this employee as a contact (in scope receives; this delivers). */
    @Column(name = "contact_allowed", nullable = false) private boolean contactAllowed;

    @Column(name = "status", length = 16, nullable = false)
    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "in_scope", nullable = false)
    private boolean inScope;

    @Column(name = "scope_rule", length = 128, nullable = false)
    private String scopeRule;

    @Column(name = "scope_reason", length = 512)
    private String scopeReason;

    @Column(name = "last_seen_run", nullable = false)
    private long lastSeenRun;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The entry as last read, digested ({@link org.roster.sync.ReadFingerprint}); null when none was kept. */
    @Column(name = "read_fingerprint", length = 32)
    private String readFingerprint;

    @Column(name = "gone_at")
    private Instant goneAt;

    protected EmployeeEntity() {
    }

    EmployeeEntity(String id) {
        this.id = id;
    }

    /** The JPQL attribute name holding a field; fields are a closed set, so queries stay static. */
    static String attributeOf(PersonField field) {
        return switch (field) {
            case GIVEN_NAME -> "givenName";
            case SURNAME -> "surname";
            case DISPLAY_NAME -> "displayName";
            case MOBILE -> "mobile";
            case WORK_PHONE -> "workPhone";
            case MAIL -> "mail";
            case DEPARTMENT -> "department";
            case LOCATION -> "location";
            case TITLE -> "title";
            case EMPLOYEE_TYPE -> "employeeType";
            case MANAGER -> "manager";
            case ACCOUNT_DISABLED -> "accountDisabled";
            case OPT_OUT -> "optOut";
            case CONSENT -> "consent";
        };
    }

    /** The employee as read, with the groups stored for them. */
    public Employee toEmployee(Set<String> groups) {
        return new Employee(id, reference, toEmployee().values(), groups);
    }

    public Employee toEmployee() {
        Map<PersonField, String> v = new EnumMap<>(PersonField.class);
        put(v, PersonField.GIVEN_NAME, givenName);
        put(v, PersonField.SURNAME, surname);
        put(v, PersonField.DISPLAY_NAME, displayName);
        put(v, PersonField.MOBILE, mobile);
        put(v, PersonField.WORK_PHONE, workPhone);
        put(v, PersonField.MAIL, mail);
        put(v, PersonField.DEPARTMENT, department);
        put(v, PersonField.LOCATION, location);
        put(v, PersonField.TITLE, title);
        put(v, PersonField.EMPLOYEE_TYPE, employeeType);
        put(v, PersonField.MANAGER, manager);
        put(v, PersonField.ACCOUNT_DISABLED, accountDisabled);
        put(v, PersonField.OPT_OUT, optOut);
        put(v, PersonField.CONSENT, consent);
        return new Employee(id, reference, v);
    }

    private static void put(Map<PersonField, String> map, PersonField field, String value) {
        if (value != null) {
            map.put(field, value);
        }
    }

    public String getId() { return id; }
    public String getReference() { return reference; }
    public Status getStatus() { return status; }
    public boolean isInScope() { return inScope; }
    public boolean isContactAllowed() { return contactAllowed; }
    public String getScopeRule() { return scopeRule; }
    public String getScopeReason() { return scopeReason; }
    public long getLastSeenRun() { return lastSeenRun; }
    public String getReadFingerprint() { return readFingerprint == null ? "" : readFingerprint; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getGoneAt() { return goneAt; }
    public String getDisplayName() { return displayName; }
    public String getGivenName() { return givenName; }
    public String getSurname() { return surname; }
    public String getDepartment() { return department; }
}
