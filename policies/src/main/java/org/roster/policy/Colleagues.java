package org.roster.policy;

/**
 * Where a visibility rule's candidates are looked up. A rule names the lookup that can hold every
 * contact it grants a viewer ({@link VisibilityRule#findCandidates}); the viewers that get the same
 * lookup are one audience, so a planner answers each lookup once and shares it among them. The
 * planner still asks {@link VisibilityRule#grants} of each candidate: a lookup may find more than
 * the rule grants, never fewer.
 *
 * <pre>{@code
 * rule.findCandidates(viewer, new Colleagues() {
 *     public void withValue(PersonField field, String value) { ... the department's members ... }
 *     ...
 * });
 * }</pre>
 */
public interface Colleagues {

    /** The people whose field has this value, e.g. everyone in the viewer's department. */
    void withValue(PersonField field, String value);

    /** The members of the group, by its normalised DN. */
    void inGroup(String groupDn);

    /** Everyone in scope. */
    void everyone();

    /** The people whose manager is this reference (DN). */
    void reportingTo(String managerReference);

    /** The manager at this reference (DN), their manager, … up to {@code levels} people. */
    void managersFrom(String managerReference, int levels);
}
