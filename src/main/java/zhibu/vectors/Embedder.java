package zhibu.vectors;

import java.util.List;

/** Texts to unit-length vectors, so that a dot product is their cosine similarity. */
public interface Embedder {
    /** The model's name: part of the cache key and of the index schema. */
    String model();

    int dimension();

    /** Vectors of passages (clauses, sentences), in the order given. */
    float[][] embed(List<String> passages);

    /** The vector of a question, with whatever the model wants in front of a query. */
    float[] embedQuery(String question);
}
