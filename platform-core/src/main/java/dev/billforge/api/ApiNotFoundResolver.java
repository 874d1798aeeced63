package dev.billforge.api;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An unknown path under {@code /api/} answers the documented problem+json
 * ({@code not_found}). No controller handles such a path, so {@link ApiProblemHandler}
 * (scoped to the app's controllers) never sees it, and the framework would answer with
 * its own error JSON.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiNotFoundResolver implements HandlerExceptionResolver {

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!(ex instanceof NoResourceFoundException) || !request.getRequestURI().startsWith("/api/")
				|| response.isCommitted()) {
			return null;
		}
		try {
			ProblemWriter.writeStatic(response, 404, "not_found", "no such resource");
		}
		catch (IOException io) {
			return null;
		}
		return new ModelAndView();
	}

}
