package zhibu.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A web page reduced to its article: navigation, breadcrumbs, sidebars, share bars, previous/next links,
 * hit counters, font-size switches and footers are left behind. Title, issuer and date come from the page's
 * meta tags or its info line.
 */
final class HtmlArticleReader {
    private static final Pattern DECLARED_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final List<String> ARTICLE_SELECTORS = List.of(
            ".TRS_Editor", "#zoom", ".article-content", ".article_content", "#UCAP-CONTENT", ".pages_content",
            ".content", "#content", "article", ".detail", ".main-content");
    private static final String NOISE = "script, style, nav, aside, form, iframe, noscript, header, footer, "
            + "[class~=(?i)(share|prev|next|footer|breadcrumb|crumb|position|location|sidebar|toolbar|hits)], "
            + "[id~=(?i)(share|prev|next|footer|breadcrumb|crumb|position|sidebar|hits)]";
    private static final Pattern INFO_DATE = Pattern.compile("(?:发布时间|发布日期|成文日期|日期|时间)[：:]\\s*([0-9年月日\\-/. ]{6,})");
    private static final Pattern INFO_SOURCE = Pattern.compile("(?:来源|发布机构|发文机关)[：:]\\s*([^\\s　|｜]+)");

    RawText read(String name, byte[] bytes) throws IngestException {
        Document page = Jsoup.parse(TextDecoder.decode(bytes, charsetOf(bytes)));
        String infoLine = infoLine(page);
        MetadataHints hints = new MetadataHints(title(page), issuer(page, infoLine), date(page, infoLine));
        Element article = article(page);
        if (article == null) {
            throw new IngestException(Reason.of(Problem.NO_ARTICLE, name));
        }
        Element heading = page.selectFirst("h1");
        article.select(NOISE).remove();
        List<String> lines = new ArrayList<>();
        if (heading != null && !article.equals(heading) && !heading.text().isBlank()
                && article.selectFirst("h1") == null) {
            lines.add("# " + heading.text());
        }
        List<String> blocks = HtmlBlocks.lines(article);
        lines.addAll(blocks.isEmpty() ? List.of(article.wholeText()) : blocks);
        return new RawText(String.join("\n", lines), SourceFormat.HTML, hints);
    }

    private static Charset charsetOf(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED_CHARSET.matcher(head);
        if (m.find()) {
            String declared = m.group(1).toLowerCase(Locale.ROOT);
            if (declared.startsWith("gb") || declared.equals("cp936")) {
                return Charset.forName("GB18030");
            }
            if (Charset.isSupported(declared)) {
                return Charset.forName(declared);
            }
        }
        return TextDecoder.detect(bytes);
    }

    private static Element article(Document page) {
        for (String selector : ARTICLE_SELECTORS) {
            Element e = page.selectFirst(selector);
            if (e != null && e.text().length() >= 100) {
                return e;
            }
        }
        // no known container: the element whose own paragraphs hold the most text
        Element best = null;
        int bestLength = 0;
        for (Element e : page.body().select("*")) {
            int length = 0;
            for (Element child : e.children()) {
                if (child.tagName().equals("p")) {
                    length += child.text().length();
                }
            }
            if (length > bestLength) {
                best = e;
                bestLength = length;
            }
        }
        return best != null ? best : page.body();
    }

    private static String meta(Document page, String... names) {
        for (String n : names) {
            Element e = page.selectFirst("meta[name=" + n + "], meta[property=" + n + "]");
            if (e != null && !e.attr("content").isBlank()) {
                return e.attr("content").strip();
            }
        }
        return null;
    }

    private static String infoLine(Document page) {
        for (Element e : page.select("[class~=(?i)info|source|attr|time], [id~=(?i)info|source]")) {
            String text = e.text();
            if (INFO_DATE.matcher(text).find() || INFO_SOURCE.matcher(text).find()) {
                return text;
            }
        }
        return "";
    }

    private static String title(Document page) {
        String title = meta(page, "ArticleTitle", "og:title", "title", "dc.title");
        if (title == null) {
            Element h1 = page.selectFirst("h1");
            title = h1 != null && !h1.text().isBlank() ? h1.text() : page.title().split("[_|｜]")[0];
        }
        return title.isBlank() ? null : title.strip();
    }

    private static String issuer(Document page, String infoLine) {
        String issuer = meta(page, "ContentSource", "source", "dc.publisher", "author");
        if (issuer == null) {
            Matcher m = INFO_SOURCE.matcher(infoLine);
            issuer = m.find() ? m.group(1) : null;
        }
        return issuer;
    }

    private static String date(Document page, String infoLine) {
        String raw = meta(page, "PubDate", "pubdate", "publishdate", "article:published_time", "dc.date");
        if (raw == null) {
            Matcher m = INFO_DATE.matcher(infoLine);
            raw = m.find() ? m.group(1) : null;
        }
        return raw == null ? null : ChineseDates.find(raw).orElse(null);
    }
}
