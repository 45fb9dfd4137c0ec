package zhibu.ingest;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** The text blocks of an (X)HTML tree as lines, headings marked with {@code #} as in Markdown. */
final class HtmlBlocks {
    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, td, th, pre";

    private HtmlBlocks() {
    }

    static List<String> lines(Element root) {
        List<String> lines = new ArrayList<>();
        for (Element block : root.select(BLOCKS)) {
            if (block.select(BLOCKS).size() > 1) {
                continue; // innermost blocks only: no text twice
            }
            String text = block.wholeText().strip();
            if (!text.isEmpty()) {
                lines.add(block.tagName().matches("h[1-6]")
                        ? "#".repeat(block.tagName().charAt(1) - '0') + " " + text
                        : text);
            }
        }
        return lines;
    }
}
