package org.roster.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RunHistoryChartTest {

    private static final Instant START = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void theChartIsWellFormedSvgThatNamesItselfAndDescribesTheLatestRun() throws Exception {
        String svg = RunHistoryChart.of(List.of(
                new RunHistoryChart.Run(7, "COMPLETED", START, Duration.ofSeconds(42), 2000, 1812, 350, 12, 3),
                new RunHistoryChart.Run(8, "COMPLETED", START.plusSeconds(3600), Duration.ofSeconds(95), 2004, 1815,
                        4, 1, 0))).svg();

        Document document = parse(svg);
        Element root = document.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(child(root, "title").getTextContent()).isEqualTo("Run history: counts and durations of runs 7 to 8");
        assertThat(child(root, "desc").getTextContent())
                .contains("2 runs, oldest first", "Latest, run 8 (completed)", "entries read 2,004", "in scope 1,815",
                        "contacts added 4", "took 1 min 35 s", "Longest: run 8");
    }

    @Test
    void everyRunsValuesAreOnTheChartAsPointsAndBarsWithTheirOwnTitles() throws Exception {
        String svg = RunHistoryChart.of(List.of(
                new RunHistoryChart.Run(12, "COMPLETED", START, Duration.ofSeconds(42), 2000, 1812, 350, 12, 3),
                new RunHistoryChart.Run(11, "FAILED", START, Duration.ofMillis(300), 17, 0, 0, 0, 0),
                new RunHistoryChart.Run(13, "RUNNING", START, null, 120, 100, 0, 0, 0))).svg();

        List<String> tooltips = texts(parse(svg), "title");
        assertThat(tooltips).contains("Run 12: entries read 2,000", "Run 12: in scope 1,812",
                "Run 12: contacts added 350", "Run 12: contacts updated 12", "Run 12: contacts removed 3",
                "Run 12: took 42 s", "Run 11: entries read 17", "Run 11: took 0 s", "Run 13: entries read 120");
        assertThat(tooltips).as("a run still going has no duration bar").noneMatch(t -> t.startsWith("Run 13: took"));
        List<String> labels = texts(parse(svg), "text");
        assertThat(labels).as("run ids along the bottom, oldest first").containsSubsequence("11", "12", "13");
        assertThat(labels).contains("Entries read", "In scope", "Contacts added", "Contacts updated",
                "Contacts removed", "Duration", "Duration per run");
        assertThat(labels).as("the count axis reaches past the largest value").contains("2,000", "1,000");
    }

    @Test
    void textIsEscapedSoNoValueCanBreakTheMarkup() throws Exception {
        String svg = RunHistoryChart.of(List.of(
                new RunHistoryChart.Run(1, "<script>&\"odd\"</script>", START, Duration.ofSeconds(1), 1, 1, 1, 0, 0)))
                .svg();

        assertThat(svg).doesNotContain("<script>");
        assertThat(child(parse(svg).getDocumentElement(), "desc").getTextContent())
                .contains("<script>&\"odd\"</script>");
    }

    @Test
    void withoutRunsTheChartSaysSoInWords() throws Exception {
        Document document = parse(RunHistoryChart.of(List.of()).svg());
        assertThat(child(document.getDocumentElement(), "title").getTextContent()).isEqualTo("Run history: no runs yet");
        assertThat(texts(document, "text")).containsExactly("No runs yet: the chart fills in as runs finish.");
    }

    @Test
    void manyRunsStillMakeOnePointPerRunAndSeriesWithLabelsThinnedOut() throws Exception {
        List<RunHistoryChart.Run> runs = new ArrayList<>();
        for (int id = 1; id <= 100; id++) {
            runs.add(new RunHistoryChart.Run(id, "COMPLETED", START, Duration.ofMinutes(id), id * 10L, id, 1, 0, 0));
        }
        Document document = parse(RunHistoryChart.of(runs).svg());
        assertThat(document.getElementsByTagNameNS("*", "circle").getLength()).isEqualTo(500);
        assertThat(document.getElementsByTagNameNS("*", "polyline").getLength()).isEqualTo(5);
        assertThat(texts(document, "text")).contains("1", "100").doesNotContain("2");
        assertThat(texts(document, "title")).contains("Run 100: took 1 h 40 min");
    }

    @Test
    void axesEndAtARoundNumber() {
        assertThat(SvgCharts.niceCeiling(0)).isEqualTo(1);
        assertThat(SvgCharts.niceCeiling(7)).isEqualTo(8);
        assertThat(SvgCharts.niceCeiling(10)).isEqualTo(10);
        assertThat(SvgCharts.niceCeiling(2004)).isEqualTo(4000);
        assertThat(SvgCharts.niceCeiling(150)).isEqualTo(200);
        assertThat(SvgCharts.niceCeiling(5)).isEqualTo(6);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
        assertThat(nodes.getLength()).as("<%s> elements", name).isPositive();
        return (Element) nodes.item(0);
    }

    private static List<String> texts(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
