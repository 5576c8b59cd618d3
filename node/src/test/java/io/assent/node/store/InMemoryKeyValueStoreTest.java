package io.assent.node.store;

class InMemoryKeyValueStoreTest extends KeyValueStoreContract {

  @Override
  protected KeyValueStore openStore() {
    return new InMemoryKeyValueStore();
  }
}
