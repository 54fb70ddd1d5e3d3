package org.roster.store;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An employee's membership of a group, as last read (group DNs in comparable form). */
@Entity
@Table(name = "employee_group")
@IdClass(EmployeeGroupEntity.Key.class)
public class EmployeeGroupEntity {

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String employeeId;
        private String groupDn;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(employeeId, k.employeeId) && Objects.equals(groupDn, k.groupDn);
        }

        @Override
        public int hashCode() {
            return Objects.hash(employeeId, groupDn);
        }
    }

    @Id @Column(name = "employee_id", length = 256) private String employeeId;
    @Id @Column(name = "group_dn", length = 1024) private String groupDn;

    protected EmployeeGroupEntity() {
    }

    EmployeeGroupEntity(String employeeId, String groupDn) {
        this.employeeId = employeeId;
        this.groupDn = groupDn;
    }

    public String getEmployeeId() { return employeeId; }
    public String getGroupDn() { return groupDn; }
}
