package org.forumledger.importer;

import java.io.IOException;
import org.forumledger.importer.RegistryClient.Response;

/**
 * One JSON write to the registry; the seam that lets the import loop be tested without a server.
 */
@FunctionalInterface
interface RegistryTransport {

  Response send(String method, String path, Object body, String idempotencyKey)
      throws IOException, InterruptedException;
}
