// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title Assent DID registry
/// @notice An ERC-1056 compatible registry of did:ethr identities: the same functions,
/// events and signed-hash scheme as the registry the did:ethr method reads, so an
/// unmodified did:ethr resolver resolves identities anchored here.
/// @dev Differences from the reference registry, all invisible to resolvers:
///  - Deactivation (changeOwner to 0x0) is final: identityOwner then answers 0x0 and
///    every later write, direct or signed, is refused. The reference registry falls back
///    to the identity's own key instead, which resolvers ignore anyway.
///  - A signature that recovers to 0x0 is always refused.
contract DIDRegistry {
    /// @dev The owner and the deactivation flag share one storage slot, so the owner check
    /// of every write costs one cold SLOAD, as in the reference registry.
    struct Ownership {
        address owner;
        bool deactivated;
    }

    mapping(address => Ownership) private ownership;
    mapping(address => mapping(bytes32 => mapping(address => uint256))) public delegates;
    mapping(address => uint256) public changed;
    mapping(address => uint256) public nonce;

    event DIDOwnerChanged(address indexed identity, address owner, uint256 previousChange);

    event DIDDelegateChanged(
        address indexed identity,
        bytes32 delegateType,
        address delegate,
        uint256 validTo,
        uint256 previousChange
    );

    event DIDAttributeChanged(
        address indexed identity,
        bytes32 name,
        bytes value,
        uint256 validTo,
        uint256 previousChange
    );

    error NotOwner(address identity, address actor);
    error BadSignature();

    /// @notice The owner last set by changeOwner; 0x0 if never set, or once deactivated.
    function owners(address identity) public view returns (address) {
        return ownership[identity].owner;
    }

    /// @notice True once the identity's owner was changed to 0x0 (final).
    function deactivated(address identity) public view returns (bool) {
        return ownership[identity].deactivated;
    }

    /// @notice The current owner: the identity itself until changed, 0x0 once deactivated.
    function identityOwner(address identity) public view returns (address) {
        Ownership memory current = ownership[identity];
        if (current.deactivated) {
            return address(0);
        }
        return current.owner == address(0) ? identity : current.owner;
    }

    /// @notice True while the delegate's validity lies in the future.
    function validDelegate(address identity, bytes32 delegateType, address delegate)
        public
        view
        returns (bool)
    {
        return delegates[identity][keccak256(abi.encode(delegateType))][delegate] > block.timestamp;
    }

    modifier onlyOwner(address identity, address actor) {
        if (actor == address(0) || actor != identityOwner(identity)) {
            revert NotOwner(identity, actor);
        }
        _;
    }

    /// @dev Recovers the signer of an ERC-1056 signed hash and consumes its nonce.
    /// The hash binds this registry's address and the owner's nonce (no chain id:
    /// the registry address is the replay barrier between chains, as in ERC-1056).
    function checkSignature(address identity, uint8 sigV, bytes32 sigR, bytes32 sigS, bytes32 hash)
        internal
        returns (address)
    {
        address signer = ecrecover(hash, sigV, sigR, sigS);
        if (signer == address(0)) {
            revert BadSignature();
        }
        if (signer != identityOwner(identity)) {
            revert NotOwner(identity, signer);
        }
        nonce[signer]++;
        return signer;
    }

    function signedHash(address identity, bytes memory payload) internal view returns (bytes32) {
        return keccak256(
            abi.encodePacked(
                bytes1(0x19), bytes1(0), address(this), nonce[identityOwner(identity)], identity, payload
            )
        );
    }

    // ---- changeOwner ----

    function _changeOwner(address identity, address actor, address newOwner)
        internal
        onlyOwner(identity, actor)
    {
        ownership[identity] = Ownership(newOwner, newOwner == address(0));
        emit DIDOwnerChanged(identity, newOwner, changed[identity]);
        changed[identity] = block.number;
    }

    function changeOwner(address identity, address newOwner) public {
        _changeOwner(identity, msg.sender, newOwner);
    }

    function changeOwnerSigned(address identity, uint8 sigV, bytes32 sigR, bytes32 sigS, address newOwner)
        public
    {
        bytes32 hash = signedHash(identity, abi.encodePacked("changeOwner", newOwner));
        _changeOwner(identity, checkSignature(identity, sigV, sigR, sigS, hash), newOwner);
    }

    // ---- addDelegate ----

    function _addDelegate(
        address identity,
        address actor,
        bytes32 delegateType,
        address delegate,
        uint256 validity
    ) internal onlyOwner(identity, actor) {
        uint256 validTo = block.timestamp + validity;
        delegates[identity][keccak256(abi.encode(delegateType))][delegate] = validTo;
        emit DIDDelegateChanged(identity, delegateType, delegate, validTo, changed[identity]);
        changed[identity] = block.number;
    }

    function addDelegate(address identity, bytes32 delegateType, address delegate, uint256 validity) public {
        _addDelegate(identity, msg.sender, delegateType, delegate, validity);
    }

    function addDelegateSigned(
        address identity,
        uint8 sigV,
        bytes32 sigR,
        bytes32 sigS,
        bytes32 delegateType,
        address delegate,
        uint256 validity
    ) public {
        bytes32 hash = signedHash(identity, abi.encodePacked("addDelegate", delegateType, delegate, validity));
        _addDelegate(identity, checkSignature(identity, sigV, sigR, sigS, hash), delegateType, delegate, validity);
    }

    // ---- revokeDelegate ----

    function _revokeDelegate(address identity, address actor, bytes32 delegateType, address delegate)
        internal
        onlyOwner(identity, actor)
    {
        delegates[identity][keccak256(abi.encode(delegateType))][delegate] = block.timestamp;
        emit DIDDelegateChanged(identity, delegateType, delegate, block.timestamp, changed[identity]);
        changed[identity] = block.number;
    }

    function revokeDelegate(address identity, bytes32 delegateType, address delegate) public {
        _revokeDelegate(identity, msg.sender, delegateType, delegate);
    }

    function revokeDelegateSigned(
        address identity,
        uint8 sigV,
        bytes32 sigR,
        bytes32 sigS,
        bytes32 delegateType,
        address delegate
    ) public {
        bytes32 hash = signedHash(identity, abi.encodePacked("revokeDelegate", delegateType, delegate));
        _revokeDelegate(identity, checkSignature(identity, sigV, sigR, sigS, hash), delegateType, delegate);
    }

    // ---- setAttribute ----

    function _setAttribute(address identity, address actor, bytes32 name, bytes memory value, uint256 validity)
        internal
        onlyOwner(identity, actor)
    {
        emit DIDAttributeChanged(identity, name, value, block.timestamp + validity, changed[identity]);
        changed[identity] = block.number;
    }

    function setAttribute(address identity, bytes32 name, bytes memory value, uint256 validity) public {
        _setAttribute(identity, msg.sender, name, value, validity);
    }

    function setAttributeSigned(
        address identity,
        uint8 sigV,
        bytes32 sigR,
        bytes32 sigS,
        bytes32 name,
        bytes memory value,
        uint256 validity
    ) public {
        bytes32 hash = signedHash(identity, abi.encodePacked("setAttribute", name, value, validity));
        _setAttribute(identity, checkSignature(identity, sigV, sigR, sigS, hash), name, value, validity);
    }

    // ---- revokeAttribute ----

    function _revokeAttribute(address identity, address actor, bytes32 name, bytes memory value)
        internal
        onlyOwner(identity, actor)
    {
        emit DIDAttributeChanged(identity, name, value, 0, changed[identity]);
        changed[identity] = block.number;
    }

    function revokeAttribute(address identity, bytes32 name, bytes memory value) public {
        _revokeAttribute(identity, msg.sender, name, value);
    }

    function revokeAttributeSigned(
        address identity,
        uint8 sigV,
        bytes32 sigR,
        bytes32 sigS,
        bytes32 name,
        bytes memory value
    ) public {
        bytes32 hash = signedHash(identity, abi.encodePacked("revokeAttribute", name, value));
        _revokeAttribute(identity, checkSignature(identity, sigV, sigR, sigS, hash), name, value);
    }
}
