package zhibu.cli;

import zhibu.core.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import zhibu.core.Case;
import zhibu.core.Clause;
import zhibu.core.DocumentMetadata;
import zhibu.ingest.DocumentReader;
import zhibu.ingest.IngestException;
import zhibu.ingest.IngestedDocument;
import zhibu.structure.DocumentStructure;
import zhibu.structure.StructureParser;

/** {@code zhibu inspect FILE}: what ingestion makes of one file, as JSON, without indexing it. */
public final class InspectCommand {
    /** The contract's shape of an inspection. */
    public record Inspection(DocumentMetadata metadata, String text, List<Clause> clauses, List<Case> cases) {
    }

    public static Inspection inspect(Path file) throws IngestException {
        IngestedDocument doc = new DocumentReader().read(file);
        DocumentStructure structure = new StructureParser().parse(doc);
        return new Inspection(doc.metadata(), doc.body().text(), structure.clauses(), structure.cases());
    }

    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.size() != 1) {
            err.println("usage: zhibu inspect FILE");
            return 2;
        }
        try {
            out.println(Json.MAPPER.writeValueAsString(inspect(Path.of(args.get(0)))));
            return 0;
        } catch (IngestException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
