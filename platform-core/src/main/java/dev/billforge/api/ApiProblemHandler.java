package dev.billforge.api;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.billforge.common.ProblemException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every API error as RFC 9457 problem+json with a stable {@code code} (and the
 * {@code field} for bad input). Nothing reaches the client as a stack trace; unexpected
 * failures are logged here and answered with a generic 500.
 */
@RestControllerAdvice(basePackages = "dev.billforge")
class ApiProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> problem(ProblemException ex) {
		return respond(ex.status(), ex.code(), ex.getMessage(), ex.field());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException ex) {
		var error = ex.getBindingResult().getFieldErrors().stream().findFirst();
		return respond(400, "invalid_request",
				error.map(e -> e.getField() + ": " + e.getDefaultMessage()).orElse("invalid request"),
				error.map(e -> e.getField()).orElse(null));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof BodySizeLimitFilter.TooLarge) {
				return respond(413, "payload_too_large", "request body is too large", null);
			}
			if (t instanceof ProblemException problem) {
				// a bounded field (e.g. a decimal) refused while the body was read
				return problem(problem);
			}
		}
		return respond(400, "invalid_request", "request body is not valid JSON of the expected shape", null);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ResponseEntity<ProblemDetail> badParameter(Exception ex) {
		String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
				: ((MissingServletRequestParameterException) ex).getParameterName();
		return respond(400, "invalid_request", "parameter " + name + " is missing or malformed", name);
	}

	@ExceptionHandler(HttpMediaTypeException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeException ex) {
		return respond(415, "unsupported_media_type", "send application/json", null);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex) {
		return respond(405, "method_not_allowed", ex.getMethod() + " is not supported here", null);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException ex) {
		return respond(404, "not_found", "no such resource", null);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return respond(500, "internal_error",
				"something went wrong on our side; nothing was charged twice, retry safely", null);
	}

	static ResponseEntity<ProblemDetail> respond(int status, String code, String detail, String field) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
		HttpStatus known = HttpStatus.resolve(status);
		problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
		problem.setType(URI.create("about:blank"));
		problem.setProperty("code", code);
		if (field != null) {
			problem.setProperty("field", field);
		}
		return ResponseEntity.status(status).body(problem);
	}

}
