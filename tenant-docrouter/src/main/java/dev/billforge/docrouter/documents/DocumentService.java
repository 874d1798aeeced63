package dev.billforge.docrouter.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.billforge.common.ProblemException;
import dev.billforge.docrouter.documents.internal.ContentSniffer;
import dev.billforge.docrouter.documents.internal.DocumentStore;
import dev.billforge.docrouter.extraction.DocumentText;
import dev.billforge.docrouter.extraction.DocumentType;
import dev.billforge.docrouter.extraction.Extraction;
import dev.billforge.docrouter.extraction.ExtractionFailedException;
import dev.billforge.docrouter.extraction.ExtractionInput;
import dev.billforge.docrouter.extraction.Extractor;
import dev.billforge.docrouter.extraction.LlmExtractor;
import dev.billforge.docrouter.extraction.LlmProperties;
import dev.billforge.docrouter.extraction.OfflineExtractor;
import dev.billforge.docrouter.extraction.Prompts;
import dev.billforge.docrouter.extraction.UnusableAnswerException;
import dev.billforge.docrouter.pricing.SpuPrice;
import dev.billforge.docrouter.pricing.SpuPricing;
import dev.billforge.docrouter.pricing.TokenUsage;
import dev.billforge.ledger.CreditLedger;
import dev.billforge.metering.Metering;
import dev.billforge.ledger.Reservation;
import dev.billforge.orgs.OrgId;
import dev.billforge.valuemetric.Credits;

/**
 * Runs a document job: checks the upload, holds the job's worst-case SPUs, extracts, and
 * commits the actual price (the commit is the charge; nothing else is metered for the
 * job). A job that fails releases its hold, so it costs nothing. Holds make concurrent
 * jobs safe: a job starts only if its worst case is funded, and the actual price never
 * exceeds the hold.
 */
@Service
@EnableConfigurationProperties(DocumentsProperties.class)
public class DocumentService {

	private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

	/** Usage property the dashboard groups by (billforge.metering.rollup-dimensions). */
	static final String OPERATION = "operation";

	/** The operation of a DocRouter job in the usage rollups. */
	public static final String EXTRACT_OPERATION = "extract";

	/**
	 * Text beyond this is never used (the model is sent far less); reading stops there.
	 */
	static final int MAX_TEXT_CHARS = 2_000_000;

	private static final String ACCEPTED = "DocRouter accepts PDF, PNG, JPEG, GIF, TIFF, WebP and UTF-8 text";

	private final DocumentStore store;

	private final CreditLedger ledger;

	private final Metering metering;

	private final SpuPricing pricing;

	private final OfflineExtractor offline;

	private final LlmExtractor llm;

	private final DocumentsProperties properties;

	private final int maxOutputTokens;

	private final Clock clock;

	DocumentService(DocumentStore store, CreditLedger ledger, Metering metering, SpuPricing pricing,
			OfflineExtractor offline, ObjectProvider<LlmExtractor> llm, DocumentsProperties properties,
			LlmProperties llmProperties, ObjectProvider<Clock> clock) {
		this.store = store;
		this.ledger = ledger;
		this.metering = metering;
		this.pricing = pricing;
		this.offline = offline;
		this.llm = llm.getIfAvailable();
		this.properties = properties;
		this.maxOutputTokens = llmProperties.getMaxOutputTokens();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * A job's result: the document, and whether this call created it (false for a
	 * repeated idempotency key).
	 */
	public record Submitted(Document document, boolean created) {
	}

	public boolean llmAvailable() {
		return llm != null;
	}

	public DocumentsProperties properties() {
		return properties;
	}

	/**
	 * Checks, holds, extracts and charges.
	 * @throws ProblemException 400/413 for a bad upload, 402 when the job's SPUs cannot
	 * be held, 502 when extraction failed (the hold is released, nothing is charged)
	 */
	public Submitted submit(OrgId org, Upload upload) {
		byte[] content = upload.content();
		if (content == null || content.length == 0) {
			throw ProblemException.invalid("file", "the file is empty");
		}
		long max = properties.getMaxUploadSize().toBytes();
		if (content.length > max) {
			throw new ProblemException(413, "payload_too_large",
					"the file has " + content.length + " bytes; the largest upload is " + max + " bytes", "file");
		}
		ContentKind kind = ContentSniffer.sniff(content)
			.orElseThrow(() -> new ProblemException(400, "unsupported_file_type", "the file's content is "
					+ ContentSniffer.describe(content) + ", whatever its name says; " + ACCEPTED, "file"));
		DocumentType requestedType = null;
		if (upload.documentType() != null && !upload.documentType().isBlank()) {
			requestedType = DocumentType.parse(upload.documentType())
				.orElseThrow(
						() -> ProblemException.invalid("type", "type must be invoice, receipt, contract or generic"));
		}
		Extractor extractor = extractor(upload.extractor(), kind);
		String id = documentId(org, upload.idempotencyKey());
		if (upload.idempotencyKey() != null) {
			Optional<Document> existing = store.find(id);
			if (existing.isPresent()) {
				return new Submitted(existing.get(), false);
			}
		}
		Instant now = clock.instant();
		// 402 here leaves nothing behind: no document, no file
		Held held = kind == ContentKind.PDF ? holdThenReadPdf(org, id, extractor, requestedType, content, now)
				: holdFor(org, id, extractor, requestedType, parse(kind, content), now);
		Content parsed = held.parsed();
		DocumentType type = held.type();
		Reservation reservation = held.reservation();
		Credits hold = held.hold();
		Document document = new Document(id, org.value(), fileName(upload.fileName()), kind.mediaType(), content.length,
				sha256(content), parsed.pages(), type.code(), extractor.name(), Document.PROCESSING, reservation.id(),
				hold.toString(), null, null, null, null, null, null, null, null, now, null);
		if (!store.insert(document)) {
			// the same idempotency key raced us; its hold is the same hold (reserve is
			// idempotent on the key)
			return new Submitted(store.find(id).orElseThrow(), false);
		}
		return new Submitted(run(org, document, extractor, parsed, type, content), true);
	}

	private Document run(OrgId org, Document document, Extractor extractor, Content parsed, DocumentType type,
			byte[] content) {
		Extraction extraction;
		SpuPrice price;
		try {
			store.writeFile(org, document.id(), content);
			extraction = extractor.extract(new ExtractionInput(parsed.text(), parsed.pages(), type));
			price = extraction.model() == null ? pricing.offline(parsed.pages())
					: pricing.llm(parsed.pages(), extraction.model(), extraction.usage(), document.createdAt());
		}
		catch (UnusableAnswerException ex) {
			throw chargeUnusable(org, document, parsed, ex);
		}
		catch (ExtractionFailedException ex) {
			fail(org, document, ex.getMessage());
			throw new ProblemException(502, "extraction_failed",
					"document " + document.id() + " failed and was not charged: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("DocRouter job {} failed", document.id(), ex);
			fail(org, document, "internal error");
			throw ex;
		}
		// The commit is the charge; its labels put the job in the usage dashboard under
		// operation=extract.
		Reservation committed = metering.commit(org, document.holdId(), price.spu(),
				Map.of(OPERATION, EXTRACT_OPERATION, "extractor", extraction.model() == null ? "offline" : "llm",
						"document_type", String.valueOf(document.documentType())));
		TokenUsage usage = extraction.usage();
		Document done = document.completed(
				committed.charged() == null ? price.spu().toString() : committed.charged().toString(),
				extraction.model(), price.priceTableVersion(), extraction.model() == null ? null : usage.promptTokens(),
				extraction.model() == null ? null : usage.completionTokens(),
				price.costUsd() == null ? null : price.costUsd().toPlainString(), extraction.fields(), clock.instant());
		store.save(done);
		return done;
	}

	/** Commits what the model's tokens cost, then fails the job saying so. */
	private ProblemException chargeUnusable(OrgId org, Document document, Content parsed, UnusableAnswerException ex) {
		SpuPrice price = pricing.llm(parsed.pages(), ex.model(), ex.usage(), document.createdAt());
		Reservation committed = metering.commit(org, document.holdId(), price.spu(), Map.of(OPERATION,
				EXTRACT_OPERATION, "extractor", "llm", "document_type", String.valueOf(document.documentType())));
		String spu = committed.charged() == null ? price.spu().toString() : committed.charged().toString();
		String reason = ex.getMessage() + "; the " + spu + " SPU the model's tokens cost were charged";
		store.save(document.failedCharged(reason, spu, ex.model(), price.priceTableVersion(), ex.usage().promptTokens(),
				ex.usage().completionTokens(), price.costUsd() == null ? null : price.costUsd().toPlainString(),
				clock.instant()));
		return new ProblemException(502, "extraction_failed", "document " + document.id() + " failed: " + reason);
	}

	private record Held(Content parsed, DocumentType type, Reservation reservation, Credits hold) {
	}

	private Held holdFor(OrgId org, String id, Extractor extractor, DocumentType requested, Content parsed,
			Instant now) {
		DocumentType type = requested != null ? requested : DocumentType.guess(parsed.text());
		Credits hold = estimate(extractor, parsed, type, now);
		return new Held(parsed, type, ledger.reserve(org, "docrouter:" + id, hold, "page", properties.getHoldTtl()),
				hold);
	}

	/**
	 * A PDF's text is read only under a hold for the worst this upload can cost: its page
	 * count (known from the bounded load) with the longest prompt the model is sent.
	 * Reading is bounded in pages, time and memory; if it fails, the hold is released and
	 * nothing is left behind.
	 */
	private Held holdThenReadPdf(OrgId org, String id, Extractor extractor, DocumentType requested, byte[] content,
			Instant now) {
		try (DocumentText.Opened pdf = DocumentText.open(content, new DocumentText.Limits(properties.getMaxPages(),
				properties.getParseTimeout(), properties.getParseMemory().toBytes(), MAX_TEXT_CHARS), clock)) {
			Credits hold = worstCase(extractor, pdf.pages(), requested, now);
			Reservation reservation = ledger.reserve(org, "docrouter:" + id, hold, "page", properties.getHoldTtl());
			String text;
			try {
				text = pdf.text();
			}
			catch (IllegalArgumentException ex) {
				ledger.release(org, reservation.id());
				throw new ProblemException(400, "unreadable_document", ex.getMessage(), "file");
			}
			Content parsed = new Content(pdf.pages(), text);
			return new Held(parsed, requested != null ? requested : DocumentType.guess(text), reservation, hold);
		}
		catch (DocumentText.TooManyPagesException ex) {
			throw new ProblemException(413, "too_many_pages", ex.getMessage(), "file");
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(400, "unreadable_document", ex.getMessage(), "file");
		}
	}

	private Credits worstCase(Extractor extractor, int pages, DocumentType requested, Instant now) {
		if (extractor instanceof LlmExtractor model) {
			TokenUsage worst = new TokenUsage(Prompts.worstPromptTokenBound(requested, model.maxInputChars()),
					maxOutputTokens);
			return pricing.llm(pages, model.model(), worst, now).spu();
		}
		return pricing.pageFloor(pages);
	}

	private void fail(OrgId org, Document document, String reason) {
		ledger.release(org, document.holdId());
		store.save(document.failed(reason, clock.instant()));
	}

	/**
	 * The document, only for its own org (another org's id is "not found", never
	 * "forbidden").
	 */
	public Document get(OrgId org, String id) {
		return store.find(id)
			.filter(d -> d.orgId().equals(org.value()))
			.orElseThrow(() -> ProblemException.notFound("document"));
	}

	public List<Document> list(OrgId org, int limit) {
		return store.list(org, Math.max(1, Math.min(limit, 200)));
	}

	/**
	 * The hold: the page floor offline; with the LLM the price of the longest prompt and
	 * the longest answer.
	 */
	private Credits estimate(Extractor extractor, Content parsed, DocumentType type, Instant now) {
		if (extractor instanceof LlmExtractor model) {
			TokenUsage worst = new TokenUsage(Prompts.promptTokenBound(type, model.promptText(parsed.text())),
					maxOutputTokens);
			return pricing.llm(parsed.pages(), model.model(), worst, now).spu();
		}
		return pricing.pageFloor(parsed.pages());
	}

	private Extractor extractor(String requested, ContentKind kind) {
		if (requested == null || requested.isBlank()) {
			return llm != null && !kind.isImage() ? llm : offline;
		}
		return switch (requested.strip().toLowerCase()) {
			case "offline" -> offline;
			case "llm" -> {
				if (llm == null) {
					throw ProblemException.invalid("extractor",
							"the LLM extractor is not configured here; use extractor=offline");
				}
				if (kind.isImage()) {
					throw ProblemException.invalid("extractor",
							"the LLM extractor reads text, and images have none (no OCR)");
				}
				yield llm;
			}
			default -> throw ProblemException.invalid("extractor", "extractor must be offline or llm");
		};
	}

	private record Content(int pages, String text) {
	}

	private Content parse(ContentKind kind, byte[] content) {
		return switch (kind) {
			case TEXT -> {
				String text = new String(content, StandardCharsets.UTF_8);
				int perPage = properties.getTextCharsPerPage();
				yield new Content(Math.max(1, (text.length() + perPage - 1) / perPage), text);
			}
			default -> new Content(1, "");
		};
	}

	private static String documentId(OrgId org, String idempotencyKey) {
		if (idempotencyKey == null) {
			return "doc_" + UUID.randomUUID().toString().replace("-", "");
		}
		if (idempotencyKey.isBlank() || idempotencyKey.length() > 255
				|| idempotencyKey.chars().anyMatch(Character::isISOControl)) {
			throw ProblemException.invalid("Idempotency-Key",
					"Idempotency-Key must be 1 to 255 characters without control characters");
		}
		return "doc_" + sha256((org.value() + "|" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).substring(0, 32);
	}

	private static String fileName(String name) {
		if (name == null || name.isBlank()) {
			return "upload";
		}
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).strip();
		return base.length() > 200 ? base.substring(0, 200) : base;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
