package org.roster.policy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A data-governance policy: who is in scope, which fields may leave Roster, who sees whom, how
 * opt-out and consent work, which phone numbers are acceptable, and how long things are kept.
 *
 * <p>Policies are written as YAML files and read with {@link PolicyParser}; the bundled ones are
 * loaded with {@link Policies#bundled(String)}.
 *
 * <pre>{@code
 * Policy policy = Policies.bundled("default");
 * PolicyEvaluator evaluator = new PolicyEvaluator(policy);
 * }</pre>
 *
 * @param name        the policy's name
 * @param description what it is for, in a sentence
 * @param scope       the scope rules, in the order they are checked
 * @param fields      the allowlist of fields that may leave Roster; anything else is withheld
 * @param visibility  the rules granting sight of contacts, in order of preference
 * @param cap         the most contacts one viewer gets, if limited
 * @param optOut      how opting out works
 * @param consent     whether employees must opt in first
 * @param phones      which phone numbers may be delivered
 * @param retention   how long things are kept
 * @param sharedNumbers what happens to a mobile number that several employees have
 */
public record Policy(String name, String description, List<ScopeRule> scope, Set<PersonField> fields,
                     List<VisibilityRule> visibility, Optional<Cap> cap, OptOut optOut, Consent consent,
                     PhoneAcceptance phones, Retention retention, SharedNumbers sharedNumbers) {

    /** The rule id of decisions made by the opt-out section. */
    public static final String OPT_OUT_RULE = "opt-out";
    /** The rule id of decisions made by the consent section. */
    public static final String CONSENT_RULE = "consent";
    /** The rule id of decisions made by the phones section. */
    public static final String PHONES_RULE = "phones";
    /** The rule id of decisions about a mobile number that several employees have. */
    public static final String SHARED_NUMBERS_RULE = "shared-numbers";

    public Policy {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        scope = List.copyOf(scope);
        // sets in a fixed order: a policy prints the same in every process, and what a run plans and
        // reads is judged by that print (a digest of it), across restarts too
        fields = ordered(fields, PersonField.class);
        fields.stream().filter(f -> !f.releasable()).findFirst().ifPresent(f -> {
            throw new IllegalArgumentException("field " + f.policyName() + " steers decisions but may never leave Roster");
        });
        visibility = List.copyOf(visibility);
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(optOut, "optOut");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(phones, "phones");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(sharedNumbers, "sharedNumbers");
    }

    /** A policy with the default treatment of shared numbers ({@link SharedNumbers#WITHHOLD}). */
    public Policy(String name, String description, List<ScopeRule> scope, Set<PersonField> fields,
                  List<VisibilityRule> visibility, Optional<Cap> cap, OptOut optOut, Consent consent,
                  PhoneAcceptance phones, Retention retention) {
        this(name, description, scope, fields, visibility, cap, optOut, consent, phones, retention,
                SharedNumbers.WITHHOLD);
    }

    /** A policy with the default opt-out, no consent requirement, any valid number, default retention. */
    public Policy(String name, String description, List<ScopeRule> scope, Set<PersonField> fields,
                  List<VisibilityRule> visibility) {
        this(name, description, scope, fields, visibility, Optional.empty(), OptOut.DEFAULT, Consent.NOT_REQUIRED,
                PhoneAcceptance.ANY, Retention.DEFAULT);
    }

    /**
     * At most {@code max} contacts per viewer. Which ones is deterministic: contacts granted by an
     * earlier visibility rule first, then by contact id.
     */
    public record Cap(int max) {
        public Cap {
            if (max < 1) {
                throw new IllegalArgumentException("a cap must be at least 1, not " + max);
            }
        }
    }

    /**
     * Opting out: the self-service flag Roster holds always counts; a directory attribute may too.
     * An opted-out employee is delivered to nobody and, unless {@code stillReceives}, receives nothing.
     *
     * @param directoryAttribute whether the {@code optOut} field from the directory counts as well
     * @param stillReceives      opted-out employees still receive their colleagues' contacts
     */
    public record OptOut(boolean directoryAttribute, boolean stillReceives) {
        public static final OptOut DEFAULT = new OptOut(false, false);
    }

    /**
     * Consent mode: nobody's number is sent to a messenger before they opted in, in self-service or
     * through the directory's {@code consent} field.
     *
     * @param required           whether opting in is required
     * @param directoryAttribute whether the {@code consent} field from the directory counts as opting in
     */
    public record Consent(boolean required, boolean directoryAttribute) {
        public static final Consent NOT_REQUIRED = new Consent(false, false);
    }

    /** The kinds of phone number a policy can accept. */
    public enum NumberKind { MOBILE, FIXED }

    /**
     * Which numbers may be delivered: by kind (mobile, fixed line) and by region. A number that is
     * not acceptable is withheld, as if the directory did not have it.
     *
     * @param kinds   accepted kinds; numbers that may be either count as both
     * @param regions accepted ISO 3166 regions; empty means any
     */
    public record PhoneAcceptance(Set<NumberKind> kinds, Set<String> regions) {
        public static final PhoneAcceptance ANY = new PhoneAcceptance(EnumSet.allOf(NumberKind.class), Set.of());

        public PhoneAcceptance {
            kinds = ordered(kinds, NumberKind.class);
            regions = sorted(regions);
        }
    }

    /**
     * How long things are kept.
     *
     * @param leaverRemoval how soon after leaving the directory an employee is removed from every
     *                      viewer (zero: at the next run)
     * @param personalData  how long Roster keeps a leaver's data before purging it
     * @param auditRecords  how long audit records are kept
     */
    public record Retention(Duration leaverRemoval, Duration personalData, Duration auditRecords) {
        public static final Retention DEFAULT = new Retention(Duration.ZERO, Duration.ofDays(30), Duration.ofDays(365));

        public Retention {
            Objects.requireNonNull(leaverRemoval, "leaverRemoval");
            Objects.requireNonNull(personalData, "personalData");
            Objects.requireNonNull(auditRecords, "auditRecords");
        }

        /** This retention, keeping audit records at least {@code floor}. */
        public Retention withAuditRecordsAtLeast(Duration floor) {
            return auditRecords.compareTo(floor) >= 0 ? this : new Retention(leaverRemoval, personalData, floor);
        }
    }

    /**
     * What happens to a mobile number that several employees in scope have. A messenger keys its
     * contacts by number, so every viewer would get one account under one of the names: a number
     * delivered for two people reaches only one of them. Every decision about such a number names
     * {@link #SHARED_NUMBERS_RULE}.
     *
     * <pre>{@code
     * sharedNumbers: withhold   # the default: none of the sharers is delivered until the directory is fixed
     * sharedNumbers: firstById  # the sharer first by id is delivered, the others are not
     * sharedNumbers: deliver    # every sharer is delivered, and flagged in the run's data-quality report
     * }</pre>
     */
    public enum SharedNumbers {
        /** Nobody who shares the number is delivered to others (they still receive colleagues). */
        WITHHOLD("withhold"),
        /** The sharer first by id is delivered; the others are not. */
        FIRST_BY_ID("firstById"),
        /** Every sharer is delivered as they are. */
        DELIVER("deliver");

        private final String policyName;

        SharedNumbers(String policyName) {
            this.policyName = policyName;
        }

        /** How a policy file spells it. */
        public String policyName() {
            return policyName;
        }

        /** The treatment a policy file names, if it names one. */
        public static Optional<SharedNumbers> byName(String name) {
            return Arrays.stream(values()).filter(t -> t.policyName.equals(name)).findFirst();
        }
    }

    /** This policy with another retention, everything else as it is. */
    public Policy withRetention(Retention other) {
        return new Policy(name, description, scope, fields, visibility, cap, optOut, consent, phones, other,
                sharedNumbers);
    }

    /** An unmodifiable copy in the enum's order (no nulls). */
    static <E extends Enum<E>> Set<E> ordered(Collection<E> values, Class<E> type) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        values.forEach(v -> copy.add(Objects.requireNonNull(v, "a set of a policy holds no null")));
        return Collections.unmodifiableSet(copy);
    }

    /** An unmodifiable copy in sorted order (no nulls). */
    static Set<String> sorted(Collection<String> values) {
        TreeSet<String> copy = new TreeSet<>();
        values.forEach(v -> copy.add(Objects.requireNonNull(v, "a set of a policy holds no null")));
        return Collections.unmodifiableSet(copy);
    }

    /**
     * Every field the policy reads or releases: the allowlist plus the fields its rules look at. A
     * source needs to read no other; minimisation starts there.
     */
    public Set<PersonField> referencedFields() {
        Set<PersonField> referenced = EnumSet.noneOf(PersonField.class);
        referenced.addAll(fields);
        for (ScopeRule rule : scope) {
            if (rule instanceof ScopeRule.Require require) {
                referenced.add(require.field());
            } else if (rule instanceof ScopeRule.Include include) {
                referenced.addAll(fieldsOf(include.match()));
            } else if (rule instanceof ScopeRule.Exclude exclude) {
                referenced.addAll(fieldsOf(exclude.match()));
            }
        }
        for (VisibilityRule rule : visibility) {
            referenced.addAll(rule.reads());
        }
        if (optOut.directoryAttribute()) {
            referenced.add(PersonField.OPT_OUT);
        }
        if (consent.required() && consent.directoryAttribute()) {
            referenced.add(PersonField.CONSENT);
        }
        return referenced;
    }

    /** Whether any rule needs group memberships. */
    public boolean usesGroups() {
        return scope.stream().anyMatch(r -> (r instanceof ScopeRule.Include i && i.match() instanceof ScopeRule.Match.MemberOf)
                || (r instanceof ScopeRule.Exclude e && e.match() instanceof ScopeRule.Match.MemberOf))
                || visibility.stream().anyMatch(VisibilityRule::readsGroups);
    }

    private static Set<PersonField> fieldsOf(ScopeRule.Match match) {
        if (match instanceof ScopeRule.Match.FieldIn in) {
            return Set.of(in.field());
        }
        if (match instanceof ScopeRule.Match.Disabled) {
            return Set.of(PersonField.ACCOUNT_DISABLED);
        }
        return Set.of();
    }
}
