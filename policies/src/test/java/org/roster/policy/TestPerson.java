package org.roster.policy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A person for tests, with everything the engine can see: field values, a directory reference,
 * group memberships and self-service choices. {@link Person#of} has only the values.
 *
 * <pre>{@code
 * TestPerson ana = TestPerson.of("p1", PersonField.MOBILE, "+4915112345678")
 *         .withReference("uid=p1,ou=people,dc=example,dc=org")
 *         .withGroups("CN=Finance, OU=Groups,DC=example,DC=org")
 *         .optedIn();
 * }</pre>
 *
 * @param groups as the connector hands them over: normalised with {@link Names#dn}
 */
public record TestPerson(String id, Map<PersonField, String> values, String reference, Set<String> groups,
                         SelfService selfService) implements Person {

    public TestPerson {
        values = Map.copyOf(values);
        groups = groups.stream().map(Names::dn).collect(Collectors.toUnmodifiableSet());
    }

    /** A person with these fields and values, given in pairs: {@code of("p1", MOBILE, "+49...", DEPARTMENT, "Finance")}. */
    public static TestPerson of(String id, Object... fieldsAndValues) {
        Map<PersonField, String> values = new EnumMap<>(PersonField.class);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.put((PersonField) fieldsAndValues[i], (String) fieldsAndValues[i + 1]);
        }
        return new TestPerson(id, values, "", Set.of(), SelfService.NONE);
    }

    @Override
    public Optional<String> value(PersonField field) {
        return Optional.ofNullable(values.get(field));
    }

    public TestPerson with(PersonField field, String value) {
        Map<PersonField, String> more = new EnumMap<>(PersonField.class);
        more.putAll(values);
        more.put(field, value);
        return new TestPerson(id, more, reference, groups, selfService);
    }

    public TestPerson withReference(String dn) {
        return new TestPerson(id, values, dn, groups, selfService);
    }

    public TestPerson withGroups(String... dns) {
        return new TestPerson(id, values, reference, Set.of(dns), selfService);
    }

    public TestPerson withSelfService(SelfService choices) {
        return new TestPerson(id, values, reference, groups, choices);
    }

    /** Opted out in self-service. */
    public TestPerson optedOut() {
        return withSelfService(new SelfService(true, selfService.optedIn()));
    }

    /** Opted in (consented) in self-service. */
    public TestPerson optedIn() {
        return withSelfService(new SelfService(selfService.optedOut(), true));
    }

    @Override
    public String toString() {
        // ids only: a failing test's message is no place for personal data either
        return "TestPerson[" + id + "]";
    }
}
