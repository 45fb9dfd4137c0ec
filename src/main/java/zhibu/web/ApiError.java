package zhibu.web;

/** A request the API refuses, with its status and the one sentence the user sees. */
public final class ApiError extends RuntimeException {
    private final int status;

    public ApiError(int status, String sentence) {
        super(sentence);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiError badRequest(String sentence) {
        return new ApiError(400, sentence);
    }

    public static ApiError notFound(String sentence) {
        return new ApiError(404, sentence);
    }
}
