package org.roster.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.roster.policy.PersonField;

class EmployeeTest {

    @Test
    void fieldsAreListedInTheirOwnOrderWhateverOrderTheyCameIn() {
        Map<PersonField, String> given = new LinkedHashMap<>();
        given.put(PersonField.MOBILE, "+4915123456789");
        given.put(PersonField.SURNAME, "Müller");
        given.put(PersonField.DEPARTMENT, "Sales");
        given.put(PersonField.GIVEN_NAME, "Anna");

        Employee employee = new Employee("amueller", "uid=amueller,ou=people,dc=example,dc=org", given);

        // what an employee is shown as held about them reads the same on every run and server
        assertThat(employee.values().keySet()).containsExactly(PersonField.GIVEN_NAME, PersonField.SURNAME,
                PersonField.MOBILE, PersonField.DEPARTMENT);
        assertThat(employee.value(PersonField.SURNAME)).contains("Müller");
        assertThat(employee.value(PersonField.MAIL)).isEmpty();
    }

    @Test
    void theHeldValuesCannotBeChangedFromOutside() {
        Map<PersonField, String> given = new HashMap<>(Map.of(PersonField.GIVEN_NAME, "Anna"));
        Employee employee = new Employee("amueller", "uid=amueller,ou=people,dc=example,dc=org", given);

        given.put(PersonField.MOBILE, "+4915123456789");

        assertThat(employee.values()).containsOnlyKeys(PersonField.GIVEN_NAME);
        assertThatThrownBy(() -> employee.values().put(PersonField.MAIL, "a@example.org"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(employee).isEqualTo(new Employee("amueller", "uid=amueller,ou=people,dc=example,dc=org",
                Map.of(PersonField.GIVEN_NAME, "Anna")));
    }

    @Test
    void aFieldWithoutAValueIsRefusedNamingTheField() {
        Map<PersonField, String> given = new HashMap<>();
        given.put(PersonField.MOBILE, null);

        assertThatThrownBy(() -> new Employee("amueller", "uid=amueller,ou=people,dc=example,dc=org", given))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("MOBILE");
    }

    @Test
    void anEntrysValuesAreFoundByFieldAndCannotBeChanged() {
        DirectoryEntry entry = new DirectoryEntry("uid=amueller,ou=people,dc=example,dc=org", List.of("amueller"),
                Map.of(PersonField.MOBILE, List.of("0151 2345 6789", "+49 30 1234567")), List.of());

        assertThat(entry.valuesOf(PersonField.MOBILE)).containsExactly("0151 2345 6789", "+49 30 1234567");
        assertThat(entry.valuesOf(PersonField.MAIL)).isEmpty();
        assertThatThrownBy(() -> entry.values().remove(PersonField.MOBILE))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(new Employee("amueller", "uid=amueller,ou=people,dc=example,dc=org", Map.of(), Set.of())
                .values()).isEmpty();
    }
}
