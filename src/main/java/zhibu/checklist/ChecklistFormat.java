package zhibu.checklist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import zhibu.core.Json;

/** The formats a checklist comes in, each with its media type and file extension. */
public enum ChecklistFormat {
    TEXT("text/plain; charset=utf-8", "txt"),
    JSON("application/json", "json"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    ICS("text/calendar; charset=utf-8", "ics"),
    HTML("text/html; charset=utf-8", "html");

    private final String mediaType;
    private final String extension;

    ChecklistFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public boolean binary() {
        return this == DOCX || this == XLSX;
    }

    public static Optional<ChecklistFormat> of(String label) {
        return Arrays.stream(values()).filter(f -> f.name().toLowerCase(Locale.ROOT).equals(label)).findFirst();
    }

    /** The checklist in this format; a calendar for the plan's year and days (see {@link BranchCalendar}). */
    public byte[] render(Checklist checklist, CalendarPlan plan) throws IOException {
        return switch (this) {
            case TEXT -> ChecklistWriters.text(checklist).getBytes(StandardCharsets.UTF_8);
            case JSON -> Json.MAPPER.writeValueAsBytes(checklist);
            case DOCX -> ChecklistWriters.docx(checklist, LocalDate.now());
            case XLSX -> ChecklistWriters.xlsx(checklist, LocalDate.now());
            case ICS -> ChecklistWriters.ics(checklist, plan).getBytes(StandardCharsets.UTF_8);
            case HTML -> ChecklistWriters.html(checklist, LocalDate.now()).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A file name for downloads: 高校-30人-清单.docx, 高校-30人-2027年日历.ics. */
    public String fileName(Profile profile, CalendarPlan plan) {
        return profile.branchType() + "-" + profile.members() + "人-" + (this == ICS ? plan.year() + "年日历." : "清单.")
                + extension;
    }
}
