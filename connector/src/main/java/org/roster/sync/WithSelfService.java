package org.roster.sync;

import java.util.Optional;
import java.util.Set;

import org.roster.directory.Employee;
import org.roster.policy.Person;
import org.roster.policy.PersonField;

/** An employee as the policy sees them: directory data plus their self-service choices. */
record WithSelfService(Employee employee, Person.SelfService selfService) implements Person {
    @Override
    public String id() {
        return employee.id();
    }

    @Override
    public Optional<String> value(PersonField field) {
        return employee.value(field);
    }

    @Override
    public String reference() {
        return employee.reference();
    }

    @Override
    public Set<String> groups() {
        return employee.groups();
    }
}
