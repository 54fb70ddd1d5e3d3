package org.roster.app.runs;

import static org.roster.app.runs.SvgCharts.GRID;
import static org.roster.app.runs.SvgCharts.INK;
import static org.roster.app.runs.SvgCharts.attribute;
import static org.roster.app.runs.SvgCharts.document;
import static org.roster.app.runs.SvgCharts.format;
import static org.roster.app.runs.SvgCharts.line;
import static org.roster.app.runs.SvgCharts.niceCeiling;
import static org.roster.app.runs.SvgCharts.number;
import static org.roster.app.runs.SvgCharts.rect;
import static org.roster.app.runs.SvgCharts.statusWords;
import static org.roster.app.runs.SvgCharts.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.roster.sync.QualityReport;

/**
 * The data-quality counts of the latest runs as an SVG chart, drawn as the run history chart is
 * ({@link RunHistoryChart}: server-side, Okabe–Ito colours with dash patterns, a tooltip on every
 * point, presentation attributes only): numbers shared by several employees, invalid numbers,
 * missing mobiles, numbers read with a guessed region and rejected entries, oldest run on the left.
 * Its {@code <title>} and {@code <desc>} say in words what it shows.
 *
 * <pre>{@code
 * String svg = DataQualityChart.of(List.of(new DataQualityChart.Run(12, "COMPLETED", report.total()))).svg();
 * }</pre>
 */
public final class DataQualityChart {

    /** One run's totals as the chart shows them. */
    public record Run(long id, String status, QualityReport.Count total) {
        public Run {
            status = status == null ? "" : status;
        }
    }

    private record Series(String label, String colour, String dash, ToLongFunction<QualityReport.Count> value) {
    }

    /** The counts, in the order the Runs page's table lists them. */
    static final List<Series> SERIES = List.of(
            new Series("Shared numbers", "#D55E00", "none", QualityReport.Count::sharedNumber),
            new Series("Invalid numbers", "#0072B2", "8 4", QualityReport.Count::invalidNumber),
            new Series("Missing mobiles", "#E69F00", "3 3", QualityReport.Count::missingMobile),
            new Series("Region guessed", "#009E73", "10 3 2 3", QualityReport.Count::guessedRegion),
            new Series("Rejected entries", "#CC79A7", "2 2", QualityReport.Count::rejected));

    private static final int WIDTH = 960;
    private static final int HEIGHT = 330;
    private static final int LEFT = 84;
    private static final int RIGHT = 24;
    private static final int TOP = 72;
    private static final int BOTTOM = 270;

    private final List<Run> runs;

    private DataQualityChart(List<Run> runs) {
        this.runs = runs;
    }

    /** A chart of these runs, in any order: it draws them oldest (lowest id) first. */
    public static DataQualityChart of(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingLong(Run::id));
        return new DataQualityChart(List.copyOf(sorted));
    }

    /** The chart as a standalone SVG document. */
    public String svg() {
        return document("the data-quality chart", WIDTH, HEIGHT, "quality", title(), description(), xml -> {
            if (runs.isEmpty()) {
                text(xml, WIDTH / 2.0, HEIGHT / 2.0, "middle", 16,
                        "No data-quality report yet: the chart fills in as runs read the directory.");
            } else {
                legend(xml);
                counts(xml);
                runLabels(xml);
            }
        });
    }

    private String title() {
        if (runs.isEmpty()) {
            return "Data quality: no report yet";
        }
        return "Data quality of runs " + runs.get(0).id() + " to " + runs.get(runs.size() - 1).id();
    }

    /** The chart in words: the range, the latest run's counts, and the run with the most shared numbers. */
    private String description() {
        if (runs.isEmpty()) {
            return "No run has read the directory yet.";
        }
        Run last = runs.get(runs.size() - 1);
        StringBuilder text = new StringBuilder();
        text.append(runs.size()).append(runs.size() == 1 ? " run" : " runs").append(", oldest first. Latest, run ")
                .append(last.id()).append(" (").append(statusWords(last.status())).append("): ");
        for (int i = 0; i < SERIES.size(); i++) {
            Series series = SERIES.get(i);
            text.append(i == 0 ? "" : ", ").append(series.label().toLowerCase(Locale.ROOT)).append(' ')
                    .append(number(series.value().applyAsLong(last.total())));
        }
        text.append('.');
        runs.stream().max(Comparator.comparingLong((Run r) -> r.total().sharedNumber()))
                .filter(most -> most.total().sharedNumber() > 0)
                .ifPresent(most -> text.append(" Most shared numbers: run ").append(most.id()).append(", ")
                        .append(number(most.total().sharedNumber())).append('.'));
        return text.toString();
    }

    private void legend(XMLStreamWriter xml) throws XMLStreamException {
        double x = LEFT;
        for (Series series : SERIES) {
            line(xml, x, 24, x + 28, 24, series.colour(), 3, series.dash());
            text(xml, x + 34, 28, "start", 13, series.label());
            x += 48 + series.label().length() * 7.6;
        }
    }

    private void counts(XMLStreamWriter xml) throws XMLStreamException {
        long max = runs.stream().mapToLong(r -> SERIES.stream().mapToLong(s -> s.value().applyAsLong(r.total()))
                .max().orElse(0)).max().orElse(0);
        long top = niceCeiling(max);
        text(xml, LEFT, TOP - 12, "start", 13, "Employees and entries with data to fix, per run");
        for (int k = 0; k <= 2; k++) {
            if (k == 1 && top < 2) {
                continue;
            }
            long value = top * k / 2;
            double y = y(value, top);
            line(xml, LEFT, y, WIDTH - RIGHT, y, k == 0 ? INK : GRID, 1, "none");
            text(xml, LEFT - 8, y + 4, "end", 12, number(value));
        }
        line(xml, LEFT, TOP, LEFT, BOTTOM, INK, 1, "none");
        for (Series series : SERIES) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < runs.size(); i++) {
                points.append(points.isEmpty() ? "" : " ").append(format(x(i))).append(',')
                        .append(format(y(series.value().applyAsLong(runs.get(i).total()), top)));
            }
            xml.writeStartElement("polyline");
            attribute(xml, "points", points.toString());
            attribute(xml, "fill", "none");
            attribute(xml, "stroke", series.colour());
            attribute(xml, "stroke-width", 2.5);
            if (!"none".equals(series.dash())) {
                attribute(xml, "stroke-dasharray", series.dash());
            }
            xml.writeEndElement();
            for (int i = 0; i < runs.size(); i++) {
                Run run = runs.get(i);
                long value = series.value().applyAsLong(run.total());
                xml.writeStartElement("circle");
                attribute(xml, "cx", format(x(i)));
                attribute(xml, "cy", format(y(value, top)));
                attribute(xml, "r", 3.5);
                attribute(xml, "fill", series.colour());
                xml.writeStartElement("title");
                xml.writeCharacters("Run " + run.id() + ": " + series.label().toLowerCase(Locale.ROOT) + " "
                        + number(value));
                xml.writeEndElement();
                xml.writeEndElement();
            }
        }
    }

    private void runLabels(XMLStreamWriter xml) throws XMLStreamException {
        int every = (int) Math.max(1, Math.ceil(runs.size() / 16.0));
        for (int i = 0; i < runs.size(); i++) {
            if (i % every == 0 || i == runs.size() - 1) {
                text(xml, x(i), BOTTOM + 18, "middle", 12, String.valueOf(runs.get(i).id()));
            }
        }
        text(xml, LEFT + (WIDTH - LEFT - RIGHT) / 2.0, BOTTOM + 40, "middle", 13,
                "Run (oldest on the left)");
    }

    private double x(int index) {
        return LEFT + (WIDTH - LEFT - RIGHT) / (double) runs.size() * (index + 0.5);
    }

    private static double y(double value, long top) {
        return BOTTOM - (BOTTOM - TOP) * (top == 0 ? 0 : value / top);
    }
}
