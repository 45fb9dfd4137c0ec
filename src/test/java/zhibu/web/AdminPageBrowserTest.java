package zhibu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zhibu.testing.HostileFiles;
import zhibu.testing.RunningSite;
import zhibu.testing.WebDriver;

/**
 * The /admin page in real headless Chromium, as an organisation department uses it: the token once per session,
 * several files uploaded with a progress bar and an outcome each, then a correction of metadata and a deletion;
 * every step lands in the audit list. Screenshots go to target/screenshots.
 */
class AdminPageBrowserTest {
    static final Path SHOTS = Path.of("target/screenshots");
    @TempDir
    static Path folder;
    @TempDir
    static Path uploads;
    static RunningSite site;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        site = new RunningSite(folder);
        browser = new WebDriver(0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        site.close();
    }

    private static String textOf(String css) throws IOException {
        return browser.text(browser.find(css));
    }

    @Test
    void uploadCorrectAndDeleteFromTheAdminPage() throws Exception {
        browser.open(site.base() + "/admin");
        String token = browser.find("#admin-token");
        browser.type(token, "not-the-token-0000" + WebDriver.ENTER);
        assertTrue(browser.text(browser.findWhere(".login + .notice, .notice.error", t -> !t.isBlank(),
                "no message for a wrong token")).contains("不正确"));
        browser.script("document.getElementById('admin-token').value = ''");
        browser.type(browser.find("#admin-token"), RunningSite.ADMIN_TOKEN + WebDriver.ENTER);
        browser.find("table.docs tbody tr");

        Path good = Files.writeString(uploads.resolve("上传测试通知.txt"), "关于开展上传测试的通知\n\n"
                + "一、各党小组每月开展1次读书分享活动，由党小组组长主持。\n二、活动情况记入党支部工作纪实。\n");
        Path broken = HostileFiles.randomBytesNamedPdf(uploads);
        browser.type(browser.find("#upload-files"), good.toAbsolutePath() + "\n" + broken.toAbsolutePath());
        String ok = browser.waitFor(() -> first(".upload.ok"), Duration.ofSeconds(90), "the good file was not ingested");
        String failed = browser.waitFor(() -> first(".upload.failed"), Duration.ofSeconds(90), "the broken file has no outcome");
        assertTrue(browser.text(ok).contains("已导入：关于开展上传测试的通知"), browser.text(ok));
        assertTrue(browser.text(failed).contains("scan-2021.pdf"), browser.text(failed));
        assertEquals("100", browser.attribute(browser.find(".upload.ok progress"), "value"));
        browser.screenshot(SHOTS.resolve("admin-upload.png"));

        String row = browser.findWhere("table.docs tbody tr", t -> t.contains("关于开展上传测试的通知"),
                "the uploaded file is not listed");
        String docId = browser.attribute(row, "data-id");
        browser.click(browser.findWhere("tr[data-id='" + docId + "'] button", "编辑"::equals, "no edit button"));
        browser.script("const f = document.querySelector('.meta-edit');"
                + "f.querySelector('select[name=status]').value = '已废止';"
                + "f.querySelectorAll('input[name=branchTypes]').forEach(i => i.checked = i.value === '高校');");
        browser.screenshot(SHOTS.resolve("admin-edit.png"));
        browser.click(browser.findWhere(".meta-edit button", "保存并重新索引"::equals, "no save button"));
        browser.findWhere(".admin > .notice", t -> t.contains("已保存"), "no word that the metadata was saved");
        String edited = browser.findWhere("tr[data-id='" + docId + "']", t -> t.contains("已废止"),
                "the list does not show the new status");
        assertTrue(browser.text(edited).contains("高校"), browser.text(edited));

        browser.click(browser.findWhere("tr[data-id='" + docId + "'] button", "删除"::equals, "no delete button"));
        browser.acceptDialog();
        browser.findWhere(".admin > .notice", t -> t.contains("已删除"), "no word that the file was deleted");
        browser.waitFor(() -> first("tr[data-id='" + docId + "']") == null ? true : null, "the row stays");

        String audit = textOf(".audit");
        for (String action : new String[] {"upload", "metadata", "delete"}) {
            assertTrue(audit.contains(action), audit);
        }
        assertFalse(audit.contains(RunningSite.ADMIN_TOKEN), audit);
        browser.screenshot(SHOTS.resolve("admin.png"));

        browser.open(site.base() + "/admin"); // the same session: no token asked again
        browser.find("table.docs tbody tr");
    }

    private static String first(String css) {
        try {
            return browser.findAll(css).stream().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
