package dev.billforge.docrouter.documents;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A document as the API and the MCP tools show it (without internal cost figures). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentView(String id, String fileName, String mediaType, long sizeBytes, int pages, String documentType,
		String extractor, String status, String heldSpu, String spu, String model, String priceTableVersion,
		Usage usage, String error, Instant createdAt, Instant completedAt) {

	/** Tokens the job used. */
	public record Usage(Long promptTokens, Long completionTokens) {
	}

	/** A document's extracted fields. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Result(String id, String status, String documentType, String spu, Map<String, Object> fields,
			String error) {
	}

	public static DocumentView of(Document d) {
		return new DocumentView(d.id(), d.fileName(), d.mediaType(), d.sizeBytes(), d.pages(), d.documentType(),
				d.extractor(), d.status(), d.heldSpu(), d.spu(), d.model(), d.priceTableVersion(),
				d.promptTokens() == null ? null : new Usage(d.promptTokens(), d.completionTokens()), d.error(),
				d.createdAt(), d.completedAt());
	}

	public static Result result(Document d) {
		return new Result(d.id(), d.status(), d.documentType(), d.spu(), d.fields(), d.error());
	}

}
