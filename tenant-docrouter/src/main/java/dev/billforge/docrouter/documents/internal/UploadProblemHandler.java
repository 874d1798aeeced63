package dev.billforge.docrouter.documents.internal;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Upload failures Spring raises before the controller runs (no file part, not multipart,
 * over the servlet's multipart limit), as problem+json like every other API error instead
 * of a 500.
 */
@RestControllerAdvice(assignableTypes = DocumentApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadProblemHandler {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex) {
		return respond(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", "the upload is too large", "file");
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ProblemDetail> missing(MissingServletRequestPartException ex) {
		return respond(HttpStatus.BAD_REQUEST, "invalid_request",
				"send the document as multipart/form-data in a part named \"file\"", "file");
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> notMultipart(MultipartException ex) {
		return respond(HttpStatus.BAD_REQUEST, "invalid_request",
				"send the document as multipart/form-data in a part named \"file\"", "file");
	}

	private static ResponseEntity<ProblemDetail> respond(HttpStatus status, String code, String detail, String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		problem.setType(URI.create("about:blank"));
		problem.setProperty("code", code);
		problem.setProperty("field", field);
		return ResponseEntity.status(status).body(problem);
	}

}
