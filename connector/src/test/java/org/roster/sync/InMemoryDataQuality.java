package org.roster.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.roster.directory.Rejection;
import org.roster.policy.PersonField;
import org.roster.policy.ScopeDecision;

/**
 * The {@link DataQuality} in memory: shared numbers found by scanning the employee rows, and each
 * run's report counted from the rows and the run's rejections, as the database adapter counts them.
 */
final class InMemoryDataQuality implements DataQuality {

    private final InMemoryTables tables;

    InMemoryDataQuality(InMemoryTables tables) {
        this.tables = tables;
    }

    @Override
    public List<List<String>> sharedMobiles() {
        synchronized (tables) {
            Map<String, List<String>> byNumber = new TreeMap<>();
            for (InMemoryTables.Row row : tables.employees.values()) {
                if (row.active && row.employee != null) {
                    row.employee.value(PersonField.MOBILE).ifPresent(m -> byNumber.computeIfAbsent(m,
                            k -> new ArrayList<>()).add(row.employee.id()));
                }
            }
            return byNumber.values().stream().filter(ids -> ids.size() > 1).map(List::copyOf).toList();
        }
    }

    @Override
    public List<String> decidedBy(String ruleId) {
        synchronized (tables) {
            return tables.employees.values().stream()
                    .filter(r -> r.active && r.employee != null && ruleId.equals(r.scopeRule))
                    .map(r -> r.employee.id()).toList();
        }
    }

    @Override
    public List<Stored> stored(Collection<String> employeeIds) {
        synchronized (tables) {
            List<Stored> stored = new ArrayList<>();
            for (String id : employeeIds) {
                InMemoryTables.Row row = tables.employees.get(id);
                if (row != null && row.active && row.employee != null) {
                    ScopeDecision scope = row.contactAllowed ? new ScopeDecision.Included(row.scopeRule)
                            : row.inScope ? new ScopeDecision.ViewerOnly(row.scopeRule, row.scopeReason)
                            : new ScopeDecision.Excluded(row.scopeRule, row.scopeReason);
                    stored.add(new Stored(row.employee, scope, row.regionGuessed));
                }
            }
            return stored;
        }
    }

    @Override
    public void redecide(List<DirectorySnapshot.Decided> decided) {
        synchronized (tables) {
            for (DirectorySnapshot.Decided d : decided) {
                InMemoryTables.Row row = tables.employees.get(d.employee().id());
                row.inScope = d.scope().receives();
                row.contactAllowed = d.scope().delivered();
                row.scopeRule = d.scope().ruleId();
                row.scopeReason = InMemoryTables.reasonOf(d.scope());
                row.fingerprint = d.fingerprint();
                row.decidedAt = tables.tick();
            }
            if (!decided.isEmpty()) {
                tables.planBasis = null;
            }
        }
    }

    @Override
    public void recordQuality(long runId, String source, List<List<String>> shared) {
        synchronized (tables) {
            Set<String> sharing = new HashSet<>();
            shared.forEach(sharing::addAll);
            Map<List<String>, QualityReport.Count> counts = new TreeMap<>(
                    Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
            for (InMemoryTables.Row row : tables.employees.values()) {
                if (!row.active || row.employee == null) {
                    continue;
                }
                String department = row.employee.value(PersonField.DEPARTMENT).orElse("");
                counts.merge(List.of(department, source), new QualityReport.Count(department, source, 1,
                        sharing.contains(row.employee.id()) ? 1 : 0, 0,
                        row.employee.value(PersonField.MOBILE).isEmpty() ? 1 : 0, row.regionGuessed ? 1 : 0, 0),
                        QualityReport.Count::plus);
            }
            for (InMemoryTables.StoredRejection stored : tables.rejections) {
                if (stored.runId() != runId) {
                    continue;
                }
                Rejection rejection = stored.rejection();
                String department = rejection.employeeId().map(tables.employees::get).filter(r -> r.employee != null)
                        .flatMap(r -> r.employee.value(PersonField.DEPARTMENT)).orElse("");
                Matcher named = Pattern.compile("^source ([^:]+): ").matcher(rejection.reason());
                String from = named.find() ? named.group(1) : source;
                boolean invalid = QualityReport.INVALID_NUMBER.matcher(rejection.reason()).matches();
                counts.merge(List.of(department, from), new QualityReport.Count(department, from, 0, 0,
                        invalid ? 1 : 0, 0, 0, 1), QualityReport.Count::plus);
            }
            if (counts.isEmpty() && shared.isEmpty()) {
                tables.reports.remove(runId);
                return;
            }
            tables.reports.put(runId, new QualityReport(runId, List.copyOf(counts.values()),
                    shared.stream().map(QualityReport.SharedNumber::of).toList()));
        }
    }

    @Override
    public Optional<QualityReport> quality(long runId) {
        synchronized (tables) {
            return Optional.ofNullable(tables.reports.get(runId));
        }
    }
}
