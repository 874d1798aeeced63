package dev.billforge.docrouter.documents.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.billforge.common.ProblemException;
import dev.billforge.docrouter.documents.DocumentService;
import dev.billforge.docrouter.documents.DocumentView;
import dev.billforge.docrouter.documents.Upload;
import dev.billforge.web.CurrentOrg;
import dev.billforge.web.ProductPage;
import dev.billforge.web.WebOrgs;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * DocRouter's pages inside the platform web app: the documents list with an upload form,
 * and a document's result. {@link ProductPage} gives them the platform layout
 * (navigation, brand, bell) and its error pages; the org is the signed-in person's
 * current org, checked against their memberships on every request, so another org's
 * document is 404.
 */
@Controller
@ProductPage
@RequestMapping("/docrouter/documents")
class DocumentPageController {

	private final DocumentService documents;

	private final WebOrgs orgs;

	private final JsonMapper json;

	DocumentPageController(DocumentService documents, WebOrgs orgs, JsonMapper json) {
		this.documents = documents;
		this.orgs = orgs;
		this.json = json;
	}

	@GetMapping
	String list(HttpServletRequest request, Model model) {
		return listPage(orgs.require(request), model);
	}

	@PostMapping
	String upload(HttpServletRequest request, HttpServletResponse response, @RequestParam("file") MultipartFile file,
			@RequestParam(name = "type", required = false) String type, Model model) throws IOException {
		CurrentOrg org = orgs.require(request);
		try {
			String id = documents
				.submit(org.orgId(), new Upload(file.getOriginalFilename(), file.getBytes(), type, null, null))
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
			return listPage(org, model);
		}
	}

	/**
	 * Another org's (or no) document: the service's 404, shown as the web app's error
	 * page.
	 */
	@GetMapping("/{id}")
	String show(@PathVariable String id, HttpServletRequest request, Model model) {
		var document = documents.get(orgs.require(request).orgId(), id);
		model.addAttribute("document", DocumentView.of(document));
		model.addAttribute("fields", display(document.fields()));
		return "docrouter/document";
	}

	/** Field values as people read them: text as is, nested values as compact JSON. */
	private Map<String, String> display(Map<String, Object> fields) {
		Map<String, String> rows = new LinkedHashMap<>();
		if (fields != null) {
			fields.forEach((k, v) -> rows.put(k,
					v == null ? "" : v instanceof String text ? text : json.writeValueAsString(v)));
		}
		return rows;
	}

	private String listPage(CurrentOrg org, Model model) {
		model.addAttribute("documents", documents.list(org.orgId(), 100).stream().map(DocumentView::of).toList());
		model.addAttribute("zone", org.timeZone());
		model.addAttribute("maxUploadSize", documents.properties().getMaxUploadSize().toMegabytes());
		return "docrouter/documents";
	}

}
