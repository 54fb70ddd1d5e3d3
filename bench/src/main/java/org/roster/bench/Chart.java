package org.roster.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Each cost against the directory's size, both axes logarithmic, as a PNG (JFreeChart). */
final class Chart {

    private Chart() {
    }

    static void draw(List<Map<String, Object>> sizes, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeries bare = new XYSeries("bare LDAP read (same SDK, same entries and attributes)");
        XYSeries full = new XYSeries("Roster, first full sync (read, normalise, decide, store)");
        XYSeries steady = new XYSeries("Roster, steady-state full sync (no change)");
        XYSeries incremental = new XYSeries("Roster, incremental sync of 100 changes");
        XYSeries keycloakPostgresql = new XYSeries("Keycloak 26.4 LDAP federation on PostgreSQL, synchronize all users");
        XYSeries keycloak = new XYSeries("Keycloak 26.4 LDAP federation on its H2 file, synchronize all users");
        XYSeries planned = new XYSeries("Roster, first full sync planning and delivering every viewer");
        XYSeries replanned = new XYSeries("Roster, incremental sync of 100 changes re-planning every viewer");
        for (Map<String, Object> row : sizes) {
            double n = ((Number) row.get("employees")).doubleValue();
            boolean plan = Boolean.TRUE.equals(row.get("planned"));
            bare.add(n, seconds(row.get("bareReadSeconds")));
            (plan ? planned : full).add(n, seconds(((Map<?, ?>) row.get("firstFullSync")).get("seconds")));
            if (row.get("steadyStateFullSync") instanceof Map<?, ?> s) {
                steady.add(n, seconds(s.get("seconds")));
            }
            if (row.get("incrementalSync") instanceof Map<?, ?> i) {
                (plan ? replanned : incremental).add(n, seconds(i.get("seconds")));
            }
            if (row.get("keycloak") instanceof Map<?, ?> kc && kc.get("seconds") instanceof Number s) {
                keycloak.add(n, s.doubleValue());
            }
            if (row.get("keycloakPostgresql") instanceof Map<?, ?> kc && kc.get("seconds") instanceof Number s) {
                keycloakPostgresql.add(n, s.doubleValue());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(bare);
        data.addSeries(full);
        data.addSeries(steady);
        data.addSeries(incremental);
        data.addSeries(keycloakPostgresql);
        data.addSeries(keycloak);
        data.addSeries(planned);
        data.addSeries(replanned);
        JFreeChart chart = ChartFactory.createXYLineChart("Roster sync cost by directory size", "employees",
                "seconds", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = new LogAxis("employees in the directory");
        x.setBase(10);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new DecimalFormat("#,##0"));
        plot.setDomainAxis(x);
        LogAxis y = new LogAxis("seconds (log scale)");
        y.setBase(10);
        y.setTickUnit(new NumberTickUnit(1));
        y.setSmallestValue(0.01);
        y.setNumberFormatOverride(new DecimalFormat("#,##0.##"));
        plot.setRangeAxis(y);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Color[] colours = {Color.GRAY, new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xff7f0e),
                new Color(0xd62728), new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b)};
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        // the two Keycloaks in one colour, the one on its development file database dashed
        renderer.setSeriesStroke(5, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        plot.setRenderer(renderer);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 960, 600);
    }

    private static double seconds(Object value) {
        return ((Number) value).doubleValue();
    }

    /** Draws the chart again from a written report: {@code <report.json> <chart.png>}. */
    public static void main(String[] args) throws IOException {
        JsonObject report;
        try (JsonReader reader = jakarta.json.Json.createReader(Files.newBufferedReader(
                Path.of(args[0])))) {
            report = reader.readObject();
        }
        List<Map<String, Object>> sizes = new ArrayList<>();
        report.getJsonArray("sizes").forEach(v -> sizes.add(asMap(v.asJsonObject())));
        draw(sizes, Path.of(args[1]));
    }

    private static Map<String, Object> asMap(JsonObject json) {
        Map<String, Object> map = new LinkedHashMap<>();
        json.forEach((k, v) -> map.put(k, switch (v.getValueType()) {
            case OBJECT -> asMap(v.asJsonObject());
            case NUMBER -> ((JsonNumber) v).doubleValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> v.toString();
        }));
        return map;
    }
}
