package dev.billforge.docrouter.documents.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.billforge.common.ProblemException;
import dev.billforge.docrouter.documents.CurrentWebOrg;
import dev.billforge.docrouter.documents.DocumentService;
import dev.billforge.docrouter.documents.DocumentView;
import dev.billforge.docrouter.documents.Upload;
import dev.billforge.orgs.OrgId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * DocRouter's pages: the documents list with an upload form, and a document's result. Plain
 * Thymeleaf fragments-free pages that the web app's layout can wrap.
 */
@Controller
@RequestMapping("/docrouter/documents")
class DocumentPageController {

	private final DocumentService documents;

	private final ObjectProvider<CurrentWebOrg> currentOrg;

	private final JsonMapper json;

	DocumentPageController(DocumentService documents, ObjectProvider<CurrentWebOrg> currentOrg, JsonMapper json) {
		this.documents = documents;
		this.currentOrg = currentOrg;
		this.json = json;
	}

	@GetMapping
	String list(HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<OrgId> org = org(request);
		if (org.isEmpty()) {
			response.setStatus(403);
			return "docrouter/no-org";
		}
		return listPage(org.get(), model);
	}

	@PostMapping
	String upload(HttpServletRequest request, HttpServletResponse response, @RequestParam("file") MultipartFile file,
			@RequestParam(name = "type", required = false) String type, Model model) throws IOException {
		Optional<OrgId> org = org(request);
		if (org.isEmpty()) {
			response.setStatus(403);
			return "docrouter/no-org";
		}
		try {
			String id = documents
				.submit(org.get(), new Upload(file.getOriginalFilename(), file.getBytes(), type, null, null))
				.document()
				.id();
			return "redirect:/docrouter/documents/" + id;
		}
		catch (ProblemException ex) {
			response.setStatus(ex.status());
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("errorCode", ex.code());
			if (ex.status() == 402) {
				model.addAttribute("buyUrl", documents.properties().getBuyUrl());
			}
			return listPage(org.get(), model);
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<OrgId> org = org(request);
		if (org.isEmpty()) {
			response.setStatus(403);
			return "docrouter/no-org";
		}
		try {
			var document = documents.get(org.get(), id);
			model.addAttribute("document", DocumentView.of(document));
			model.addAttribute("fields", display(document.fields()));
			return "docrouter/document";
		}
		catch (ProblemException ex) {
			response.setStatus(404);
			model.addAttribute("error", "No such document.");
			return listPage(org.get(), model);
		}
	}

	/** Field values as people read them: text as is, nested values as compact JSON. */
	private Map<String, String> display(Map<String, Object> fields) {
		Map<String, String> rows = new LinkedHashMap<>();
		if (fields != null) {
			fields.forEach((k, v) -> rows.put(k, v == null ? "" : v instanceof String text ? text : json.writeValueAsString(v)));
		}
		return rows;
	}

	private String listPage(OrgId org, Model model) {
		model.addAttribute("documents", documents.list(org, 100).stream().map(DocumentView::of).toList());
		model.addAttribute("maxUploadSize", documents.properties().getMaxUploadSize().toMegabytes());
		return "docrouter/documents";
	}

	private Optional<OrgId> org(HttpServletRequest request) {
		CurrentWebOrg resolver = currentOrg.getIfAvailable();
		if (resolver != null) {
			return resolver.current(request);
		}
		HttpSession session = request.getSession(false);
		Object value = session == null ? null : session.getAttribute(CurrentWebOrg.SESSION_ATTRIBUTE);
		return value instanceof String id && OrgId.isWellFormed(id) ? Optional.of(new OrgId(id)) : Optional.empty();
	}

}
