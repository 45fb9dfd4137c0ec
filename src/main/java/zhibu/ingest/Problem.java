package zhibu.ingest;

import java.util.List;

/**
 * Why a file was not ingested, or what else is worth saying about it, as one sentence in English (the command
 * line's lines, the logs) and in Chinese (the site). {@code {0}} is always the file's printable name.
 */
public enum Problem {
    MISSING("{0} does not exist.", "{0} 不存在。"),
    NOT_A_FILE("{0} is not a readable file.", "{0} 不是可以读取的文件。"),
    UNREADABLE("{0} cannot be read: {1}.", "{0} 无法读取：{1}。"),
    UNREADABLE_BY("{0} cannot be read ({1}).", "{0} 无法读取（{1}）。"),
    TOO_LARGE("{0} is {1}; the largest file zhibu reads is {2}.", "{0} 大小为 {1}，超过了上限 {2}。"),
    EMPTY("{0} is empty.", "{0} 是空文件。"),
    NO_TEXT("{0} contains no text.", "{0} 中没有文字。"),
    NO_READABLE_TEXT("{0} does not contain readable text in any encoding zhibu knows (UTF-8, GB18030/GBK, UTF-16).",
            "{0} 中没有可读的文字（已按 UTF-8、GB18030/GBK、UTF-16 编码尝试）。"),
    NO_ARTICLE("{0} is a web page without an article text.", "{0} 是网页，但没有找到正文。"),
    NEEDS_OCR("{0} has no text layer: needs OCR.", "{0} 没有文字层（可能是扫描件），需要先做文字识别（OCR）。"),
    PASSWORD("{0} is password-protected; remove the password and add it again.", "{0} 设有密码，请去掉密码后重新添加。"),
    DAMAGED("{0} is damaged or truncated and cannot be read as {1}.", "{0} 已损坏或不完整，无法按 {1} 读取。"),
    MISLABELLED("{0} is named .{1} but does not contain {2} data (it may be damaged or mislabelled).",
            "{0} 的扩展名是 .{1}，但内容不是 {2}（文件可能已损坏或扩展名有误）。"),
    UNSUPPORTED("{0} is of an unsupported type ({1}); zhibu reads TXT, Markdown, HTML, DOCX, DOC, ODT and PDF.",
            "{0} 的类型（{1}）不受支持；支部通能读取 TXT、Markdown、HTML、DOCX、DOC、ODT 和 PDF。"),
    MANIFEST_UNREADABLE("the MANIFEST.tsv beside {0} cannot be read: {1}.", "{0} 旁边的 MANIFEST.tsv 无法读取：{1}。"),
    TOO_DEEP("{0} is nested too deeply to read (a damaged or hostile file).", "{0} 嵌套层次过深，无法读取（文件可能已损坏或有害）。"),
    TOO_SLOW("{0} took longer than {1} s to read and was stopped (a damaged or hostile file).",
            "{0} 解析超过 {1} 秒，已被停止（文件可能已损坏或有害）。"),
    TOO_MUCH_MEMORY("{0} needs more than {1} of memory to read (a zip bomb, or a damaged file); it was stopped.",
            "{0} 解析需要超过 {1} 内存（可能是压缩炸弹或已损坏的文件），已被停止。"),
    READER_NOT_STARTED("{0} could not be read: the reading process did not start.", "{0} 无法读取：解析进程没有启动。"),
    READER_STOPPED("{0} could not be read: its reading process stopped (exit {1}).", "{0} 无法读取：解析进程意外退出（退出码 {1}）。"),
    READER_NONSENSE("{0} could not be read: its reader answered nonsense.", "{0} 无法读取：解析进程的回答无效。"),
    SKIPPED_UNREADABLE("{0} cannot be read ({1}); skipped.", "{0} 无法读取（{1}），已跳过。"),
    SKIPPED_LINK_OUT("{0} is a link to a file outside the folder; links out are not followed.",
            "{0} 是指向文件夹以外的链接，不读取。"),
    SKIPPED_LINK_TO_FOLDER("{0} is a link to a folder; it is not followed.", "{0} 是指向文件夹的链接，不读取。"),
    SKIPPED_BROKEN_LINK("{0} is a link to nothing; skipped.", "{0} 是失效的链接，已跳过。"),
    SKIPPED_PROJECT_FILE("{0} is a project file (README, LICENSE …), not a document; skipped.",
            "{0} 是说明文件（README、LICENSE 等），不是制度文件，已跳过。"),
    SKIPPED_NOT_A_DOCUMENT("{0} is not a document zhibu reads (.{1}; it reads TXT, Markdown, HTML, DOCX, DOC, ODT and PDF); skipped.",
            "{0} 不是支部通能读取的文件（.{1}；可读取 TXT、Markdown、HTML、DOCX、DOC、ODT 和 PDF），已跳过。"),
    SKIPPED_NO_EXTENSION("{0} is not a document zhibu reads (no extension; it reads TXT, Markdown, HTML, DOCX, DOC, ODT and PDF); skipped.",
            "{0} 没有扩展名，不是支部通能读取的文件，已跳过。"),
    PARTIAL_VECTORS("vectors for the first {1} of {2} passages", "前 {1} 段（共 {2} 段）已计算语义向量");

    private final String english;
    private final String chinese;

    Problem(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    String english(List<String> args) {
        return fill(english, args);
    }

    String chinese(List<String> args) {
        return fill(chinese, args);
    }

    /** Puts {@code args} in place of {0}, {1} …; a linear pass, no pattern. */
    private static String fill(String template, List<String> args) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{' && i + 2 < template.length() && Character.isDigit(template.charAt(i + 1))
                    && template.charAt(i + 2) == '}') {
                int n = template.charAt(i + 1) - '0';
                out.append(n < args.size() ? args.get(n) : "");
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
