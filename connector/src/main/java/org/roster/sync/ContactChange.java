package org.roster.sync;

/**
 * One change to one viewer's contact list.
 *
 * <pre>{@code
 * List<ContactChange> changes = Planner.plan(desired, delivered);
 * }</pre>
 */
public sealed interface ContactChange {

    /** The colleague the change is about. */
    String contactId();

    /** A contact the viewer does not have yet. */
    record Add(ContactCard card) implements ContactChange {
        @Override
        public String contactId() {
            return card.contactId();
        }
    }

    /** A contact the viewer has, whose delivered fields changed. */
    record Update(ContactCard card) implements ContactChange {
        @Override
        public String contactId() {
            return card.contactId();
        }
    }

    /** A contact the viewer must no longer have. */
    record Remove(String contactId) implements ContactChange {
    }
}
