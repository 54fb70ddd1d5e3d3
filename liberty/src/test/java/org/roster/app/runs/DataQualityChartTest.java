package org.roster.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.roster.sync.QualityReport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DataQualityChartTest {

    private static QualityReport.Count total(long shared, long invalid, long missing, long guessed, long rejected) {
        return new QualityReport.Count("", "", 1000, shared, invalid, missing, guessed, rejected);
    }

    @Test
    void theChartNamesItselfAndSaysTheLatestRunsCountsInWords() throws Exception {
        String svg = DataQualityChart.of(List.of(
                new DataQualityChart.Run(9, "COMPLETED", total(4, 2, 130, 870, 3)),
                new DataQualityChart.Run(8, "COMPLETED", total(6, 2, 131, 870, 3)))).svg();

        Element root = parse(svg).getDocumentElement();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("quality-title quality-desc");
        assertThat(first(root, "title").getTextContent()).isEqualTo("Data quality of runs 8 to 9");
        assertThat(first(root, "desc").getTextContent()).isEqualTo("2 runs, oldest first. Latest, run 9 (completed): "
                + "shared numbers 4, invalid numbers 2, missing mobiles 130, region guessed 870, rejected entries 3. "
                + "Most shared numbers: run 8, 6.");
    }

    @Test
    void everyCountOfEveryRunIsAPointWithItsOwnTitle() throws Exception {
        String svg = DataQualityChart.of(List.of(
                new DataQualityChart.Run(11, "COMPLETED", total(2, 1, 5, 40, 1)),
                new DataQualityChart.Run(12, "FAILED", total(0, 0, 0, 0, 7)))).svg();

        List<String> tooltips = texts(parse(svg), "title");
        assertThat(tooltips).contains("Run 11: shared numbers 2", "Run 11: invalid numbers 1",
                "Run 11: missing mobiles 5", "Run 11: region guessed 40", "Run 11: rejected entries 1",
                "Run 12: rejected entries 7");
        assertThat(texts(parse(svg), "text")).contains("Shared numbers", "Invalid numbers", "Missing mobiles",
                "Region guessed", "Rejected entries", "40", "20");
    }

    @Test
    void withoutAReportTheChartSaysSo() throws Exception {
        Document document = parse(DataQualityChart.of(List.of()).svg());

        assertThat(first(document.getDocumentElement(), "title").getTextContent())
                .isEqualTo("Data quality: no report yet");
        assertThat(texts(document, "text"))
                .containsExactly("No data-quality report yet: the chart fills in as runs read the directory.");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element first(Element parent, String name) {
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
