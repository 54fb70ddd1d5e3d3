package org.roster.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.unboundid.ldap.sdk.Entry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.infra.Blackhole;
import org.roster.demo.DemoDirectory;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.Employee;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.Normalisation;
import org.roster.directory.PhoneNumbers;
import org.roster.policy.Names;
import org.roster.policy.Person;
import org.roster.policy.PersonField;
import org.roster.policy.PolicyEvaluator;
import org.roster.sync.ContactCard;
import org.roster.sync.EmployeeFingerprint;
import org.roster.sync.ReadFingerprint;
import org.roster.sync.ViewerDigest;

/**
 * JMH benchmarks of the sync's hot spots, over the generated directory's own messy entries: phone
 * normalisation, normalising a whole entry, the policy's scope and visibility decisions, the
 * fingerprints that let a run skip what did not change; and, as a bound rather than a hot spot, a
 * DN of 256 KiB shaped to make a backtracking normaliser take seconds (the target: under 100 ms).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HotSpots {

    private static final int PEOPLE = 1024;

    private final PhoneNumbers phones = PhoneNumbers.forRegion("DE");
    private final EntryNormaliser normaliser = new EntryNormaliser(phones, EntryNormaliser.regionsByLocation(
            String.join(",", DemoDirectory.locationRegions().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList())));
    private final PolicyEvaluator evaluator = new PolicyEvaluator(org.roster.bench.Benchmark.benchPolicy());
    private String[] mobiles;
    private DirectoryEntry[] entries;
    private Employee[] employees;
    private List<ContactCard> cards;
    private int next;
    private final String adversarialDn = "cn=a" + " ".repeat(128 * 1024) + "b" + " , = ".repeat(128 * 1024 / 5);
    private final ReadFingerprint.Basis digests = ReadFingerprint.under("default policy; DE; Berlin=DE");

    @Setup
    public void generate() {
        DemoDirectory directory = DemoDirectory.of(DemoDirectory.DEFAULT_SEED, PEOPLE);
        mobiles = new String[PEOPLE];
        entries = new DirectoryEntry[PEOPLE];
        List<Employee> accepted = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            Entry person = directory.person(i, DemoDirectory.DEFAULT_BASE_DN);
            mobiles[i] = person.hasAttribute("mobile") ? person.getAttributeValue("mobile") : "";
            entries[i] = entry(person);
            if (normaliser.normalise(entries[i]) instanceof Normalisation.Accepted a) {
                accepted.add(a.employee());
            }
        }
        employees = accepted.toArray(Employee[]::new);
        cards = accepted.stream().limit(org.roster.bench.Benchmark.CAP)
                .map(e -> new ContactCard(e.id(), evaluator.release(e), "same-department")).toList();
    }

    /** An LDAP entry as the LDAP source hands it over with the default mapping. */
    static DirectoryEntry entry(Entry person) {
        DirectoryEntry.Builder entry = DirectoryEntry.builder(person.getDN()).id(person.getAttributeValue("uid"));
        Map<String, PersonField> mapping = Map.of("givenName", PersonField.GIVEN_NAME, "sn", PersonField.SURNAME,
                "displayName", PersonField.DISPLAY_NAME, "mobile", PersonField.MOBILE,
                "telephoneNumber", PersonField.WORK_PHONE, "mail", PersonField.MAIL,
                "departmentNumber", PersonField.DEPARTMENT, "l", PersonField.LOCATION, "title", PersonField.TITLE,
                "employeeType", PersonField.EMPLOYEE_TYPE);
        mapping.forEach((attribute, field) -> {
            if (person.hasAttribute(attribute)) {
                entry.add(field, person.getAttributeValue(attribute));
            }
        });
        return entry.build();
    }

    private int next() {
        next = (next + 1) & (PEOPLE - 1);
        return next;
    }

    @Benchmark
    public Object phoneNumberToE164() {
        try {
            return phones.toE164(mobiles[next()]);
        } catch (PhoneNumbers.InvalidPhoneNumberException e) {
            return e;
        }
    }

    @Benchmark
    public Normalisation normaliseEntry() {
        return normaliser.normalise(entries[next()]);
    }

    @Benchmark
    public Object policyScopeDecision() {
        return evaluator.scope(employees[next() % employees.length]);
    }

    @Benchmark
    public void policyVisibilityAndRelease(Blackhole hole) {
        int i = next();
        Employee viewer = employees[i % employees.length];
        Employee contact = employees[(i * 31 + 7) % employees.length];
        hole.consume(evaluator.visibility(viewer, contact));
        hole.consume(evaluator.release(contact));
    }

    @Benchmark
    public String employeeFingerprint() {
        return EmployeeFingerprint.of(employees[next() % employees.length], true, true, "all-scope-rules-passed", null);
    }

    /** What a full read does with an entry read again: its digest, the read fingerprint compared. */
    @Benchmark
    public String readFingerprintOfAnEntry() {
        return ReadFingerprint.of(digests.entry(entries[next()]), Person.SelfService.NONE);
    }

    /**
     * A viewer's digest of 200 contacts, as planning takes it: a plan shares one card per colleague
     * among all the viewers it grants them to, so each card's fingerprint is already known.
     */
    @Benchmark
    public String viewerDigestOf200Contacts() {
        return ViewerDigest.of(cards);
    }

    /** A DN of 256 KiB: a long run of spaces inside a value, then spaces around separators. */
    @Benchmark
    public String adversarialDnOf256KiB() {
        return Names.dn(adversarialDn);
    }

    /** Runs the benchmarks in a forked JVM and returns their scores. */
    static List<Map<String, Object>> run(Path json) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(HotSpots.class.getName())
                .forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                .resultFormat(ResultFormatType.JSON).result(json.toString())
                .build()).run();
        List<Map<String, Object>> scores = new ArrayList<>();
        for (RunResult result : results) {
            Map<String, Object> score = new LinkedHashMap<>();
            String name = result.getParams().getBenchmark();
            score.put("benchmark", name.substring(name.lastIndexOf('.') + 1));
            score.put("mode", "average time, 1 fork, 2x1 s warm-up, 3x1 s measured");
            score.put("score", org.roster.bench.Benchmark.round(result.getPrimaryResult().getScore()));
            score.put("error", org.roster.bench.Benchmark.round(result.getPrimaryResult().getScoreError()));
            score.put("unit", result.getPrimaryResult().getScoreUnit());
            scores.add(score);
        }
        return scores;
    }
}
