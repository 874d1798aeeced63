package dev.billforge.docrouter.documents;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;

/**
 * A document and its job, as stored ({@code docrouter_documents}, one MongoDB document
 * per upload). Amounts are exact decimal strings. {@code holdId} is the ledger hold the
 * job ran under.
 */
public record Document(@Id String id, String orgId, String fileName, String mediaType, long sizeBytes, String sha256,
		int pages, String documentType, String extractor, String status, String holdId, String heldSpu, String spu,
		String model, String priceTableVersion, Long promptTokens, Long completionTokens, String costUsd,
		Map<String, Object> fields, String error, Instant createdAt, Instant completedAt) {

	public static final String PROCESSING = "processing";

	public static final String COMPLETED = "completed";

	public static final String FAILED = "failed";

	public Document completed(String spu, String model, String priceTableVersion, Long promptTokens,
			Long completionTokens, String costUsd, Map<String, Object> fields, Instant at) {
		return new Document(id, orgId, fileName, mediaType, sizeBytes, sha256, pages, documentType, extractor,
				COMPLETED, holdId, heldSpu, spu, model, priceTableVersion, promptTokens, completionTokens, costUsd,
				fields, null, createdAt, at);
	}

	/**
	 * Failed after the model spent tokens: the tokens are charged (so a hostile document
	 * is never free).
	 */
	public Document failedCharged(String error, String spu, String model, String priceTableVersion, Long promptTokens,
			Long completionTokens, String costUsd, Instant at) {
		return new Document(id, orgId, fileName, mediaType, sizeBytes, sha256, pages, documentType, extractor, FAILED,
				holdId, heldSpu, spu, model, priceTableVersion, promptTokens, completionTokens, costUsd, null, error,
				createdAt, at);
	}

	public Document failed(String error, Instant at) {
		return new Document(id, orgId, fileName, mediaType, sizeBytes, sha256, pages, documentType, extractor, FAILED,
				holdId, heldSpu, "0", model, priceTableVersion, null, null, null, null, error, createdAt, at);
	}

}
