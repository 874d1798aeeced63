package dev.billforge.operator;

import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.billforge.accounts.Accounts;
import dev.billforge.accounts.OperatorSetup;
import dev.billforge.common.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /api/v1/operator/operators} (operator token): creates or promotes a local
 * operator account, mails its one-time set-password link and returns it. The only way
 * besides the {@code accounts create-operator} command to make an operator; in Keycloak
 * mode the realm's {@code operator} role does it.
 */
@RestController
@Tag(name = "operator")
class OperatorAccountsApiController {

	private final ObjectProvider<Accounts> accounts;

	OperatorAccountsApiController(ObjectProvider<Accounts> accounts) {
		this.accounts = accounts;
	}

	record CreateOperator(String email) {
	}

	record OperatorResponse(String email, String setPasswordLink, Instant expiresAt) {
	}

	@Operation(operationId = "createOperator", summary = "Create or promote a local operator account")
	@PostMapping("/api/v1/operator/operators")
	@ResponseStatus(HttpStatus.CREATED)
	OperatorResponse create(@RequestBody CreateOperator request) {
		Accounts local = accounts.getIfAvailable();
		if (local == null) {
			throw ProblemException.conflict("keycloak_mode", "operators are managed in Keycloak (realm role operator)");
		}
		if (request.email() == null || request.email().isBlank()) {
			throw ProblemException.invalid("email", "email is required");
		}
		OperatorSetup setup = local.createOperator(request.email());
		return new OperatorResponse(setup.email(), setup.setPasswordLink(), setup.expiresAt());
	}

}
