package org.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.roster.policy.PersonField;

class PlannerTest {

    private static final ContactCard ANA = card("p1", "Ana", "Ruiz", "+4915123456789");
    private static final ContactCard BEN = card("p2", "Ben", "Okafor", "+4915223456789");
    private static final ContactCard CARL = card("p3", "Carl", "Weiß", "+4916023456789");

    @Test
    void theFirstPlanAddsEveryDesiredContactInOrder() {
        List<ContactChange> changes = Planner.plan(List.of(CARL, ANA, BEN), Map.of(), true);

        assertThat(changes).containsExactly(
                new ContactChange.Add(CARL), new ContactChange.Add(ANA), new ContactChange.Add(BEN));
    }

    @Test
    void replanningWhatWasDeliveredPlansNothing() {
        assertThat(Planner.plan(List.of(ANA, BEN, CARL), delivered(ANA, BEN, CARL), true)).isEmpty();
        assertThat(Planner.plan(List.of(), Map.of(), true)).isEmpty();
    }

    @Test
    void aChangedFieldGivesExactlyOneUpdateCarryingTheNewCard() {
        ContactCard newNumber = card("p2", "Ben", "Okafor", "+4917023456789");

        List<ContactChange> changes = Planner.plan(List.of(ANA, newNumber, CARL), delivered(ANA, BEN, CARL), true);

        assertThat(changes).containsExactly(new ContactChange.Update(newNumber));
    }

    @Test
    void aContactThatIsNoLongerDesiredIsRemoved() {
        List<ContactChange> changes = Planner.plan(List.of(ANA), delivered(ANA, BEN, CARL), true);

        assertThat(changes).containsExactly(new ContactChange.Remove("p2"), new ContactChange.Remove("p3"));
    }

    @Test
    void addsAndUpdatesComeFirstAndRemovalsFollowInIdOrder() {
        ContactCard renamed = card("p1", "Ana María", "Ruiz", "+4915123456789");
        ContactCard dora = card("p4", "Dora", "Nowak", "+4917123456789");
        Map<String, String> delivered = delivered(ANA, BEN, CARL, card("p0", "Old", "Timer", "+4917223456789"));

        List<ContactChange> changes = Planner.plan(List.of(dora, renamed), delivered, true);

        assertThat(changes).containsExactly(new ContactChange.Add(dora), new ContactChange.Update(renamed),
                new ContactChange.Remove("p0"), new ContactChange.Remove("p2"), new ContactChange.Remove("p3"));
    }

    @Test
    void withoutRemovalsAllowedNothingIsEverRemoved() {
        ContactCard newNumber = card("p2", "Ben", "Okafor", "+4917023456789");
        ContactCard dora = card("p4", "Dora", "Nowak", "+4917123456789");

        assertThat(Planner.plan(List.of(), delivered(ANA, BEN, CARL), false)).isEmpty();
        assertThat(Planner.plan(List.of(newNumber, dora), delivered(ANA, BEN, CARL), false))
                .containsExactly(new ContactChange.Update(newNumber), new ContactChange.Add(dora))
                .noneMatch(c -> c instanceof ContactChange.Remove);
    }

    @Test
    void aContactDesiredTwiceIsRefused() {
        ContactCard anaAgain = card("p1", "Ana", "Ruiz", "+4915123456789");

        assertThatThrownBy(() -> Planner.plan(List.of(ANA, BEN, anaAgain), Map.of(), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p1").hasMessageContaining("twice");
    }

    @Test
    void aContactNowGrantedByAnotherRuleIsUpdatedToNameItThoughThePhoneShowsTheSameCard() {
        ContactCard sameByLocation = new ContactCard("p1", ANA.fields(), "same-location");

        assertThat(sameByLocation.fingerprint()).isEqualTo(ANA.fingerprint());
        assertThat(Planner.plan(List.of(sameByLocation), delivered(ANA), true))
                .containsExactly(new ContactChange.Update(sameByLocation));
    }

    @Test
    void theFingerprintChangesWithAnyFieldValueAddedOrRemoved() {
        Set<String> fingerprints = new HashSet<>();
        fingerprints.add(ANA.fingerprint());
        for (PersonField field : PersonField.values()) {
            Map<PersonField, String> changed = new EnumMap<>(ANA.fields());
            changed.merge(field, "x", (old, x) -> old + "x");
            assertThat(fingerprints.add(new ContactCard("p1", changed, "same-department").fingerprint()))
                    .as("changing %s changes the fingerprint", field).isTrue();
        }
        Map<PersonField, String> withoutMobile = new EnumMap<>(ANA.fields());
        withoutMobile.remove(PersonField.MOBILE);
        assertThat(fingerprints.add(new ContactCard("p1", withoutMobile, "same-department").fingerprint())).isTrue();
    }

    @Test
    void theFingerprintDoesNotConfuseOneFieldWithAnother() {
        ContactCard givenOnly = new ContactCard("p1", Map.of(PersonField.GIVEN_NAME, "Ruiz"), "r");
        ContactCard surnameOnly = new ContactCard("p1", Map.of(PersonField.SURNAME, "Ruiz"), "r");

        assertThat(givenOnly.fingerprint()).isNotEqualTo(surnameOnly.fingerprint());
    }

    @Test
    void theFingerprintIsStableAcrossEqualCards() {
        ContactCard copy = new ContactCard("p1", new HashMap<>(ANA.fields()), "same-department");

        assertThat(copy.fingerprint()).isEqualTo(ANA.fingerprint()).hasSizeLessThanOrEqualTo(32);
    }

    private static ContactCard card(String id, String given, String surname, String mobile) {
        return new ContactCard(id, Map.of(PersonField.GIVEN_NAME, given, PersonField.SURNAME, surname,
                PersonField.MOBILE, mobile), "same-department");
    }

    private static Map<String, String> delivered(ContactCard... cards) {
        Map<String, String> fingerprints = new HashMap<>();
        for (ContactCard card : cards) {
            fingerprints.put(card.contactId(), card.plannedAs());
        }
        return fingerprints;
    }
}
