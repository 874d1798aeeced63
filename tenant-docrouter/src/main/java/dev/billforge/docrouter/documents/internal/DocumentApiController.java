package dev.billforge.docrouter.documents.internal;

import java.io.IOException;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.billforge.docrouter.documents.DocumentService;
import dev.billforge.docrouter.documents.DocumentView;
import dev.billforge.docrouter.documents.Upload;
import dev.billforge.orgs.OrgId;

/** The documents API, called with an org API key. */
@RestController
@RequestMapping("/api/v1/documents")
class DocumentApiController {

	private final DocumentService documents;

	DocumentApiController(DocumentService documents) {
		this.documents = documents;
	}

	record DocumentList(List<DocumentView> documents) {
	}

	/**
	 * Runs the job now: 201 with the finished document, 200 with the first one for a
	 * repeated Idempotency-Key. Any content type is routed here so a non-multipart
	 * request gets a clear 400 from {@link UploadProblemHandler} rather than a bare 415.
	 */
	@PostMapping
	ResponseEntity<DocumentView> upload(OrgId org, @RequestPart("file") MultipartFile file,
			@RequestParam(name = "type", required = false) String type,
			@RequestParam(name = "extractor", required = false) String extractor,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) throws IOException {
		DocumentService.Submitted submitted = documents.submit(org,
				new Upload(file.getOriginalFilename(), file.getBytes(), type, extractor, idempotencyKey));
		DocumentView view = DocumentView.of(submitted.document());
		return submitted.created()
				? ResponseEntity.status(201).header("Location", "/api/v1/documents/" + view.id()).body(view)
				: ResponseEntity.ok(view);
	}

	@GetMapping
	DocumentList list(OrgId org, @RequestParam(name = "limit", defaultValue = "50") int limit) {
		return new DocumentList(documents.list(org, limit).stream().map(DocumentView::of).toList());
	}

	@GetMapping("/{id}")
	DocumentView get(OrgId org, @PathVariable String id) {
		return DocumentView.of(documents.get(org, id));
	}

	@GetMapping("/{id}/result")
	DocumentView.Result result(OrgId org, @PathVariable String id) {
		return DocumentView.result(documents.get(org, id));
	}

}
