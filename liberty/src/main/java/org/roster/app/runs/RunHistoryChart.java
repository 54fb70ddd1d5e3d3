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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The history of runs as an SVG chart people can read at a glance: entries read, in scope and the
 * contact changes of each run on top, and how long each run took below, oldest run on the left.
 * The picture is drawn here, on the server, so the pages only show an image; its {@code <title>}
 * and {@code <desc>} say in words what it shows, and every point carries its values as a tooltip.
 *
 * <p>The document is written with the JDK's {@link XMLStreamWriter}, which escapes every text and
 * attribute, so a run's status or trigger can never break the markup. Only presentation attributes
 * are used (no {@code style}), so the server's Content-Security-Policy holds for the image too.
 *
 * <pre>{@code
 * String svg = RunHistoryChart.of(runs.stream().map(RunHistoryChart.Run::of).toList()).svg();
 * }</pre>
 */
public final class RunHistoryChart {

    /** One run as the chart shows it; {@code duration} is absent while the run has not finished. */
    public record Run(long id, String status, Instant startedAt, Duration duration, long read, long inScope,
                      long added, long updated, long removed) {

        public Run {
            status = status == null ? "" : status;
        }

        /** The run as the API describes it. */
        static Run of(RunView view) {
            Duration took = view.startedAt() != null && view.finishedAt() != null
                    ? Duration.between(view.startedAt(), view.finishedAt()) : null;
            RunView.Counts c = view.counts();
            return new Run(view.id(), view.status(), view.startedAt(), took, c.read(), c.inScope(), c.added(),
                    c.updated(), c.removed());
        }
    }

    /** A count the top plot draws as a line, with a dash pattern so it does not rely on colour alone. */
    private record Series(String label, String colour, String dash, ToLongFunction<Run> value) {
    }

    // Okabe–Ito colours: told apart by people with the common colour-vision deficiencies
    private static final List<Series> SERIES = List.of(
            new Series("Entries read", "#0072B2", "none", Run::read),
            new Series("In scope", "#009E73", "8 4", Run::inScope),
            new Series("Contacts added", "#E69F00", "3 3", Run::added),
            new Series("Contacts updated", "#CC79A7", "10 3 2 3", Run::updated),
            new Series("Contacts removed", "#D55E00", "2 2", Run::removed));
    private static final String DURATION_COLOUR = "#56B4E9";

    private static final int WIDTH = 960;
    private static final int HEIGHT = 440;
    private static final int LEFT = 84;
    private static final int RIGHT = 24;
    private static final int COUNTS_TOP = 64;
    private static final int COUNTS_BOTTOM = 244;
    private static final int DURATIONS_TOP = 292;
    private static final int DURATIONS_BOTTOM = 392;

    private final List<Run> runs;

    private RunHistoryChart(List<Run> runs) {
        this.runs = runs;
    }

    /** A chart of these runs, in any order: it draws them oldest (lowest id) first. */
    public static RunHistoryChart of(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingLong(Run::id));
        return new RunHistoryChart(List.copyOf(sorted));
    }

    /** The chart as a standalone SVG document. */
    public String svg() {
        return document("the run chart", WIDTH, HEIGHT, "chart", title(), description(), xml -> {
            if (runs.isEmpty()) {
                text(xml, WIDTH / 2.0, HEIGHT / 2.0, "middle", 16, "No runs yet: the chart fills in as runs finish.");
            } else {
                legend(xml);
                counts(xml);
                durations(xml);
                runLabels(xml);
            }
        });
    }

    private String title() {
        if (runs.isEmpty()) {
            return "Run history: no runs yet";
        }
        return "Run history: counts and durations of runs " + runs.get(0).id() + " to " + runs.get(runs.size() - 1).id();
    }

    /** The chart in words, for people who can't see it: the range, the latest run and the longest. */
    private String description() {
        if (runs.isEmpty()) {
            return "No run has been started yet.";
        }
        Run last = runs.get(runs.size() - 1);
        StringBuilder text = new StringBuilder();
        text.append(runs.size()).append(runs.size() == 1 ? " run" : " runs").append(", oldest first. Latest, run ")
                .append(last.id()).append(" (").append(statusWords(last.status())).append("): ")
                .append(values(last)).append('.');
        runs.stream().filter(r -> r.duration() != null).max(Comparator.comparing(Run::duration))
                .ifPresent(longest -> text.append(" Longest: run ").append(longest.id()).append(", ")
                        .append(durationWords(longest.duration())).append('.'));
        return text.toString();
    }

    private static String values(Run run) {
        StringBuilder text = new StringBuilder();
        for (Series series : SERIES) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(series.label().toLowerCase(Locale.ROOT)).append(' ').append(number(series.value().applyAsLong(run)));
        }
        text.append(", took ").append(run.duration() == null ? "not finished" : durationWords(run.duration()));
        return text.toString();
    }

    private void legend(XMLStreamWriter xml) throws XMLStreamException {
        double x = LEFT;
        for (Series series : SERIES) {
            line(xml, x, 24, x + 28, 24, series.colour(), 3, series.dash());
            text(xml, x + 34, 28, "start", 13, series.label());
            x += 48 + series.label().length() * 7.6;
        }
        rect(xml, x, 17, 22, 14, DURATION_COLOUR, null);
        text(xml, x + 28, 28, "start", 13, "Duration");
    }

    private void counts(XMLStreamWriter xml) throws XMLStreamException {
        long max = runs.stream().mapToLong(r -> SERIES.stream().mapToLong(s -> s.value().applyAsLong(r)).max()
                .orElse(0)).max().orElse(0);
        long top = niceCeiling(max);
        text(xml, LEFT, COUNTS_TOP - 12, "start", 13, "Entries and contact changes per run");
        axis(xml, COUNTS_TOP, COUNTS_BOTTOM, top, SvgCharts::number);
        for (Series series : SERIES) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < runs.size(); i++) {
                points.append(points.isEmpty() ? "" : " ").append(format(x(i))).append(',')
                        .append(format(y(series.value().applyAsLong(runs.get(i)), top, COUNTS_TOP, COUNTS_BOTTOM)));
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
                long value = series.value().applyAsLong(run);
                xml.writeStartElement("circle");
                attribute(xml, "cx", format(x(i)));
                attribute(xml, "cy", format(y(value, top, COUNTS_TOP, COUNTS_BOTTOM)));
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

    private void durations(XMLStreamWriter xml) throws XMLStreamException {
        long maxSeconds = runs.stream().filter(r -> r.duration() != null)
                .mapToLong(r -> (long) Math.ceil(r.duration().toMillis() / 1000.0)).max().orElse(0);
        long top = niceCeiling(maxSeconds);
        text(xml, LEFT, DURATIONS_TOP - 12, "start", 13, "Duration per run");
        axis(xml, DURATIONS_TOP, DURATIONS_BOTTOM, top, seconds -> durationWords(Duration.ofSeconds(seconds)));
        double width = Math.max(2, Math.min(36, step() * 0.6));
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            if (run.duration() == null) {
                continue;
            }
            double seconds = run.duration().toMillis() / 1000.0;
            double y = y(seconds, top, DURATIONS_TOP, DURATIONS_BOTTOM);
            xml.writeStartElement("rect");
            attribute(xml, "x", format(x(i) - width / 2));
            attribute(xml, "y", format(y));
            attribute(xml, "width", format(width));
            attribute(xml, "height", format(Math.max(1, DURATIONS_BOTTOM - y)));
            attribute(xml, "fill", DURATION_COLOUR);
            xml.writeStartElement("title");
            xml.writeCharacters("Run " + run.id() + ": took " + durationWords(run.duration()));
            xml.writeEndElement();
            xml.writeEndElement();
        }
    }

    /** A run's id under every run when they fit, else under every few. */
    private void runLabels(XMLStreamWriter xml) throws XMLStreamException {
        int every = (int) Math.max(1, Math.ceil(runs.size() / 16.0));
        for (int i = 0; i < runs.size(); i++) {
            if (i % every == 0 || i == runs.size() - 1) {
                text(xml, x(i), DURATIONS_BOTTOM + 18, "middle", 12, String.valueOf(runs.get(i).id()));
            }
        }
        text(xml, LEFT + (WIDTH - LEFT - RIGHT) / 2.0, DURATIONS_BOTTOM + 40, "middle", 13, "Run (oldest on the left)");
    }

    /** The y axis of a plot: the zero line, grid lines and labels at 0, ½ and the top. */
    private void axis(XMLStreamWriter xml, int plotTop, int plotBottom, long top,
                      LongFunction<String> label) throws XMLStreamException {
        for (int k = 0; k <= 2; k++) {
            if (k == 1 && top < 2) {
                continue;
            }
            long value = top * k / 2;
            double y = y(value, top, plotTop, plotBottom);
            line(xml, LEFT, y, WIDTH - RIGHT, y, k == 0 ? INK : GRID, 1, "none");
            text(xml, LEFT - 8, y + 4, "end", 12, label.apply(value));
        }
        line(xml, LEFT, plotTop, LEFT, plotBottom, INK, 1, "none");
    }

    private double step() {
        return (WIDTH - LEFT - RIGHT) / (double) runs.size();
    }

    private double x(int index) {
        return LEFT + step() * (index + 0.5);
    }

    private static double y(double value, long top, int plotTop, int plotBottom) {
        return plotBottom - (plotBottom - plotTop) * (top == 0 ? 0 : value / top);
    }

    static String durationWords(Duration duration) {
        long seconds = Math.round(duration.toMillis() / 1000.0);
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return seconds / 3600 + " h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + " min");
    }
}
