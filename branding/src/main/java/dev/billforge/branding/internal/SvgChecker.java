package dev.billforge.branding.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks an SVG that will be inlined in pages (logo) or served as favicon, and returns it
 * re-serialised without prolog, comments and processing instructions. Parsing is
 * XXE-safe: DOCTYPEs are refused outright, so no entity (internal or external) is ever
 * expanded.
 */
public final class SvgChecker {

	static final String SVG_NS = "http://www.w3.org/2000/svg";

	private static final String XLINK_NS = "http://www.w3.org/1999/xlink";

	/** Elements that run code or embed foreign documents. */
	private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "embed", "object",
			"handler", "listener");

	private static final Pattern SAFE_DATA_IMAGE = Pattern.compile("(?i)data:image/(png|jpeg|gif|webp)[;,].*",
			Pattern.DOTALL);

	private static final Pattern EXTERNAL_CSS_URL = Pattern.compile("(?i)url\\(\\s*['\"]?\\s*(?!#)[^)]");

	private SvgChecker() {
	}

	/** The sanitised SVG text, or empty after adding problems for {@code file}. */
	public static Optional<String> check(String file, byte[] bytes, Problems problems) {
		Document document;
		try {
			document = parser().parse(new ByteArrayInputStream(bytes));
		}
		catch (SAXParseException e) {
			String reason = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
					? "must not contain a DOCTYPE (entity declarations are refused)" : "is not well-formed XML at line "
							+ e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage();
			problems.add(file, "", reason);
			return Optional.empty();
		}
		catch (SAXException | IOException e) {
			problems.add(file, "", "is not well-formed XML: " + e.getMessage());
			return Optional.empty();
		}
		Element root = document.getDocumentElement();
		int before = problems.size();
		if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
			problems.add(file, "",
					"root element must be <svg xmlns=\"" + SVG_NS + "\"> but is <" + root.getNodeName() + ">");
		}
		List<String> unsafe = new ArrayList<>();
		inspect(root, unsafe);
		unsafe
			.forEach(reason -> problems.add(file, "", reason + " (the logo is inlined in pages, so it must be inert)"));
		if (problems.size() > before) {
			return Optional.empty();
		}
		removeCommentsAndInstructions(document);
		return Optional.of(serialise(document));
	}

	private static void inspect(Element element, List<String> unsafe) {
		String name = localName(element);
		String lower = name.toLowerCase(Locale.ROOT);
		if (FORBIDDEN_ELEMENTS.contains(lower)) {
			unsafe.add("<" + name + "> elements are not allowed");
			return;
		}
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attr = (Attr) attributes.item(i);
			String attrName = attr.getLocalName() == null ? attr.getName() : attr.getLocalName();
			String attrLower = attrName.toLowerCase(Locale.ROOT);
			String value = attr.getValue();
			String compact = value.replaceAll("[\\s\\u0000-\\u001F]", "").toLowerCase(Locale.ROOT);
			if (attrLower.startsWith("on")) {
				unsafe.add("event handler attribute " + attr.getName() + " on <" + name + "> is not allowed");
			}
			else if (compact.contains("javascript:") || compact.contains("vbscript:")) {
				unsafe.add("attribute " + attr.getName() + " on <" + name + "> contains a script URL");
			}
			else if (isLink(attr, attrLower) && !value.startsWith("#") && !SAFE_DATA_IMAGE.matcher(value).matches()) {
				unsafe.add("link " + attr.getName() + "=\"" + abbreviate(value) + "\" on <" + name
						+ "> is not allowed; only #fragment links and embedded PNG/JPEG/GIF/WebP data are");
			}
			else if (attrLower.equals("style") && hasExternalCss(value)) {
				unsafe.add("style attribute on <" + name + "> loads an external resource");
			}
			else if (attrLower.equals("attributename") && (compact.equals("href") || compact.endsWith(":href"))
					&& (lower.equals("set") || lower.startsWith("animate"))) {
				unsafe.add("<" + name + "> must not animate links");
			}
		}
		if (lower.equals("style") && hasExternalCss(element.getTextContent())) {
			unsafe.add("<style> loads an external resource (@import or url(...))");
		}
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e) {
				inspect(e, unsafe);
			}
		}
	}

	private static boolean isLink(Attr attr, String attrLower) {
		return attrLower.equals("href") && (attr.getNamespaceURI() == null || XLINK_NS.equals(attr.getNamespaceURI()));
	}

	private static boolean hasExternalCss(String css) {
		return css.toLowerCase(Locale.ROOT).contains("@import") || EXTERNAL_CSS_URL.matcher(css).find();
	}

	private static String localName(Element element) {
		return element.getLocalName() == null ? element.getNodeName() : element.getLocalName();
	}

	private static String abbreviate(String value) {
		return value.length() <= 60 ? value : value.substring(0, 57) + "...";
	}

	private static void removeCommentsAndInstructions(Node node) {
		Node child = node.getFirstChild();
		while (child != null) {
			Node next = child.getNextSibling();
			if (child.getNodeType() == Node.COMMENT_NODE || child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
				node.removeChild(child);
			}
			else {
				removeCommentsAndInstructions(child);
			}
			child = next;
		}
	}

	private static String serialise(Document document) {
		try {
			TransformerFactory factory = TransformerFactory.newInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
			Transformer transformer = factory.newTransformer();
			transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
			transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
			StringWriter out = new StringWriter();
			transformer.transform(new DOMSource(document.getDocumentElement()), new StreamResult(out));
			return out.toString().strip();
		}
		catch (TransformerException e) {
			throw new IllegalStateException("could not serialise a parsed SVG", e);
		}
	}

	private static DocumentBuilder parser() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(new ErrorHandler() {
				@Override
				public void warning(SAXParseException e) {
					// warnings do not make an SVG unusable
				}

				@Override
				public void error(SAXParseException e) throws SAXException {
					throw e;
				}

				@Override
				public void fatalError(SAXParseException e) throws SAXException {
					throw e;
				}
			});
			return builder;
		}
		catch (ParserConfigurationException e) {
			throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
		}
	}

}
