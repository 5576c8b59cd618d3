package io.assent.node.store;

/**
 * A view of a transaction that its owner commits: every put and delete is shown to {@link
 * #beforeWrite} and then passed on; reads pass straight through. Committing and rolling back stay
 * with the owner (a writer that must abandon its work throws instead), and closing the view leaves
 * the transaction open.
 */
public abstract class BorrowedTransaction extends ForwardingTransaction {
  private final String owner;

  /**
   * @param owner who commits {@code delegate}, for the refusals' messages
   */
  protected BorrowedTransaction(Transaction delegate, String owner) {
    super(delegate);
    this.owner = owner;
  }

  /** Sees each key before it is put or deleted; may refuse the write by throwing. */
  protected abstract void beforeWrite(Segment segment, byte[] key);

  @Override
  public final void put(Segment segment, byte[] key, byte[] value) {
    beforeWrite(segment, key);
    delegate.put(segment, key, value);
  }

  @Override
  public final void delete(Segment segment, byte[] key) {
    beforeWrite(segment, key);
    delegate.delete(segment, key);
  }

  @Override
  public final void commit() {
    throw new UnsupportedOperationException(owner + " commits this transaction, not its writers");
  }

  @Override
  public final void rollback() {
    throw new UnsupportedOperationException(
        owner + " rolls this transaction back; a writer throws instead");
  }

  /** Leaves the transaction open: its owner closes it. */
  @Override
  public final void close() {}
}
