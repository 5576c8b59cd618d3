package io.assent.node.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.assent.contracts.did.DidEvent;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * Folds one identity's registry events, in chain order, into a DID document, following
 * ethr-did-resolver 11.1.3's {@code wrapDidDocument} rule for rule:
 *
 * <ul>
 *   <li>a delegate or attribute event is valid when {@code validTo != 0 && validTo >= now}; a valid
 *       one adds (or replaces in place) the entry keyed by event name + type/name + delegate/value,
 *       any other removes it;
 *   <li>{@code #delegate-N} and {@code #service-N} counters count every delegate and {@code
 *       did/pub/} attribute event, and every {@code did/svc/} attribute event, valid or not, so ids
 *       stay stable across versions (valid attributes count only when their name fully matches the
 *       attribute pattern, as in the reference);
 *   <li>an owner change to 0x0 deactivates the identity and ends the fold;
 *   <li>entries keep their first insertion position while they stay (a JavaScript object's key
 *       order), which {@link LinkedHashMap} reproduces.
 * </ul>
 *
 * <p>Addresses are written with their EIP-55 checksum, as ethers returns them.
 */
final class DocumentFold {

  static final String RECOVERY_METHOD = "EcdsaSecp256k1RecoveryMethod2020";
  static final String VERIFICATION_KEY = "EcdsaSecp256k1VerificationKey2019";

  private static final Pattern ATTRIBUTE =
      Pattern.compile("did/(pub|svc)/(\\w+)(?:/(\\w+))?(?:/(\\w+))?");
  private static final String NULL_ADDRESS = "0x0000000000000000000000000000000000000000";

  private final String did;
  private final String identity;
  private final String publicKeyHex;
  private final long chainId;
  private final BigInteger now;

  private String controller;
  private boolean deactivated;
  private int delegateCount;
  private int serviceCount;
  private final Map<String, String> authentication = new LinkedHashMap<>();
  private final Map<String, String> assertion = new LinkedHashMap<>();
  private final Map<String, String> keyAgreement = new LinkedHashMap<>();
  private final Map<String, ObjectNode> methods = new LinkedHashMap<>();
  private final Map<String, ObjectNode> services = new LinkedHashMap<>();

  /**
   * @param did the DID as requested (the document's id, echoed as written)
   * @param identity the identity address, lower-case hex
   * @param publicKeyHex the public key of a public-key DID as written, without 0x, else null
   * @param now the evaluation time, seconds since the epoch
   */
  DocumentFold(String did, String identity, String publicKeyHex, long chainId, long now) {
    this.did = did;
    this.identity = identity;
    this.publicKeyHex = publicKeyHex;
    this.chainId = chainId;
    this.now = BigInteger.valueOf(now);
    this.controller = identity;
  }

  boolean deactivated() {
    return deactivated;
  }

  /**
   * Applies one event whose bytes32 field reads as {@code text} ("" for owner changes). Returns
   * false once the identity is deactivated: later events are not folded.
   */
  boolean apply(DidEvent event, String text) {
    switch (event) {
      case DidEvent.OwnerChanged e -> {
        controller = e.owner();
        deactivated = NULL_ADDRESS.equals(e.owner());
        return !deactivated;
      }
      case DidEvent.DelegateChanged e -> {
        String key = "D|" + text + "|" + e.delegate();
        if (valid(e.validTo())) {
          addDelegate(key, text, e.delegate());
        } else {
          delegateCount++;
          remove(key);
        }
      }
      case DidEvent.AttributeChanged e -> {
        String key = "A|" + text + "|" + Numeric.toHexString(e.value());
        if (valid(e.validTo())) {
          addAttribute(key, text, e.value());
        } else {
          if (text.startsWith("did/pub/")) {
            delegateCount++;
          } else if (text.startsWith("did/svc/")) {
            serviceCount++;
          }
          remove(key);
        }
      }
    }
    return true;
  }

  private boolean valid(BigInteger validTo) {
    return validTo.signum() > 0 && validTo.compareTo(now) >= 0;
  }

  private void addDelegate(String key, String type, String delegate) {
    delegateCount++;
    String id = did + "#delegate-" + delegateCount;
    if (!type.equals("sigAuth") && !type.equals("veriKey")) {
      return;
    }
    if (type.equals("sigAuth")) {
      authentication.put(key, id);
    }
    methods.put(key, accountMethod(id, delegate));
    assertion.put(key, id);
  }

  private void addAttribute(String key, String name, byte[] value) {
    Matcher m = ATTRIBUTE.matcher(name);
    if (!m.matches()) {
      return;
    }
    if (m.group(1).equals("pub")) {
      delegateCount++;
      String id = did + "#delegate-" + delegateCount;
      String purpose = m.group(3);
      Optional<ObjectNode> method =
          PublicKeyAttribute.method(id, did, m.group(2), purpose, m.group(4), value);
      if (method.isEmpty()) {
        return;
      }
      methods.put(key, method.get());
      if (PublicKeyAttribute.SIG_AUTH.equals(purpose)) {
        authentication.put(key, id);
        assertion.put(key, id);
      } else if (PublicKeyAttribute.ENC.equals(purpose)) {
        keyAgreement.put(key, id);
      } else {
        assertion.put(key, id);
      }
    } else {
      serviceCount++;
      Optional<String> text = Bytes32Text.utf8(value);
      if (text.isEmpty()) {
        return;
      }
      ObjectNode service = JsonNodeFactory.instance.objectNode();
      service.put("id", did + "#service-" + serviceCount);
      service.put("type", m.group(2));
      service.set("serviceEndpoint", ServiceEndpoint.of(text.get()));
      services.put(key, service);
    }
  }

  /**
   * Removes an entry from every section. Deliberately unlike 11.1.3, whose known fault leaves the
   * {@code keyAgreement} reference of a revoked or expired {@code enc} key in place, pointing at a
   * verification method that is gone.
   */
  private void remove(String key) {
    authentication.remove(key);
    keyAgreement.remove(key);
    assertion.remove(key);
    methods.remove(key);
    services.remove(key);
  }

  /** The document without {@code @context}; for a deactivated identity the reduced one. */
  ObjectNode document() {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("id", did);
    ArrayNode verificationMethod = doc.putArray("verificationMethod");
    ArrayNode auth = doc.putArray("authentication");
    ArrayNode assertionMethod = doc.putArray("assertionMethod");
    if (deactivated) {
      return doc;
    }
    verificationMethod.add(accountMethod(did + "#controller", controller));
    auth.add(did + "#controller");
    assertionMethod.add(did + "#controller");
    if (publicKeyHex != null && controller.equals(identity)) {
      ObjectNode key = JsonNodeFactory.instance.objectNode();
      key.put("id", did + "#controllerKey");
      key.put("type", VERIFICATION_KEY);
      key.put("controller", did);
      key.put("publicKeyHex", publicKeyHex);
      verificationMethod.add(key);
      auth.add(did + "#controllerKey");
      assertionMethod.add(did + "#controllerKey");
    }
    methods.values().forEach(verificationMethod::add);
    authentication.values().forEach(auth::add);
    assertion.values().forEach(assertionMethod::add);
    if (!services.isEmpty()) {
      ArrayNode service = doc.putArray("service");
      services.values().forEach(service::add);
    }
    if (!keyAgreement.isEmpty()) {
      ArrayNode refs = doc.putArray("keyAgreement");
      keyAgreement.values().forEach(refs::add);
    }
    return doc;
  }

  private ObjectNode accountMethod(String id, String address) {
    ObjectNode method = JsonNodeFactory.instance.objectNode();
    method.put("id", id);
    method.put("type", RECOVERY_METHOD);
    method.put("controller", did);
    method.put("blockchainAccountId", "eip155:" + chainId + ":" + Keys.toChecksumAddress(address));
    return method;
  }
}
