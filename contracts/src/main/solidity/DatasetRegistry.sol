// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @notice The two reads of the ERC-1056 DID registry that authorization needs.
interface IDidRegistry {
    function identityOwner(address identity) external view returns (address);

    function validDelegate(address identity, bytes32 delegateType, address delegate)
        external
        view
        returns (bool);
}

/// @title Assent dataset registry
/// @notice Datasets with their curator (a did:ethr identity), content and metadata digests,
/// SPDX license expression and parent datasets. A curator "agent" acts for the curator: the
/// identity's current owner in the DID registry, or one of its valid `veriKey` / `sigAuth`
/// delegates. A deactivated identity has no owner, so nobody acts for it.
///
/// Ids are keccak256(abi.encode(curator, keccak256(name), keccak256(version))). Parents are
/// fixed at registration and must already exist, so lineage is acyclic. Only what authorization
/// needs is stored (curator, deprecated); the rest lives in the events, which indexers read.
/// Names, versions and URIs are dataset metadata, never personal data.
///
/// Every change has a `...Signed` variant: the agent signs EIP-712 typed data (domain
/// "Assent Dataset Registry", "1") with its current nonce, and anyone relays it.
contract DatasetRegistry {
    struct Registration {
        address curator;
        string name;
        string version;
        bytes32 contentDigest;
        bytes32 metadataDigest;
        string metadataUri;
        string license;
        bytes32[] parents;
    }

    /// @dev One storage slot: 20 + 1 + 1 bytes.
    struct Dataset {
        address curator;
        bool exists;
        bool deprecated;
    }

    uint256 public constant MAX_PARENTS = 64;

    bytes32 private constant VERI_KEY = "veriKey";
    bytes32 private constant SIG_AUTH = "sigAuth";
    /// @dev secp256k1n / 2: a signature with a higher s is the malleable twin of another (EIP-2).
    uint256 private constant HALF_N = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;

    bytes32 private constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 private constant REGISTER_TYPEHASH = keccak256(
        "RegisterDataset(address curator,string name,string version,bytes32 contentDigest,bytes32 metadataDigest,string metadataUri,string license,bytes32[] parents,uint256 nonce)"
    );
    bytes32 private constant UPDATE_LICENSE_TYPEHASH =
        keccak256("UpdateLicense(bytes32 dataset,string license,uint256 nonce)");
    bytes32 private constant DEPRECATE_TYPEHASH =
        keccak256("DeprecateDataset(bytes32 dataset,string reason,uint256 nonce)");
    bytes32 private constant TRANSFER_TYPEHASH =
        keccak256("TransferCuratorship(bytes32 dataset,address newCurator,uint256 nonce)");

    IDidRegistry private immutable registry;
    uint256 private immutable deployedChainId;
    bytes32 private immutable deployedDomainSeparator;

    mapping(bytes32 => Dataset) private datasets;
    /// @notice The nonce the next signed operation of each signer must carry.
    mapping(address => uint256) public nonces;

    event DatasetRegistered(
        bytes32 indexed id,
        address indexed curator,
        address actor,
        string name,
        string version,
        bytes32 contentDigest,
        bytes32 metadataDigest,
        string metadataUri,
        string license,
        bytes32[] parents
    );
    event DatasetLicenseChanged(bytes32 indexed id, address actor, string license);
    event DatasetDeprecated(bytes32 indexed id, address actor, string reason);
    event DatasetCuratorChanged(bytes32 indexed id, address indexed curator, address actor);

    error NotCuratorAgent(address curator, address actor);
    error DatasetExists(bytes32 id);
    error UnknownDataset(bytes32 id);
    error UnknownParent(bytes32 id);
    error DuplicateParent(bytes32 id);
    error TooManyParents();
    error DatasetIsDeprecated(bytes32 id);
    error EmptyField(string field);
    error BadSignature();
    error ZeroCurator();

    constructor(address didRegistry_) {
        registry = IDidRegistry(didRegistry_);
        deployedChainId = block.chainid;
        deployedDomainSeparator = _domainSeparator();
    }

    // ---- views ----

    function didRegistry() external view returns (address) {
        return address(registry);
    }

    function datasetId(address curator, string memory name, string memory version)
        public
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(curator, keccak256(bytes(name)), keccak256(bytes(version))));
    }

    function exists(bytes32 id) external view returns (bool) {
        return datasets[id].exists;
    }

    /// @notice The current curator; 0x0 for an unknown dataset.
    function curatorOf(bytes32 id) external view returns (address) {
        return datasets[id].curator;
    }

    function isDeprecated(bytes32 id) external view returns (bool) {
        return datasets[id].deprecated;
    }

    /// @notice True if `actor` may act for `curator` now (see the contract's notice).
    function isCuratorAgent(address curator, address actor) public view returns (bool) {
        if (actor == address(0)) {
            return false;
        }
        address owner = registry.identityOwner(curator);
        if (owner == address(0)) {
            return false; // deactivated: nobody acts for it, delegates included
        }
        return actor == owner || registry.validDelegate(curator, VERI_KEY, actor)
            || registry.validDelegate(curator, SIG_AUTH, actor);
    }

    function DOMAIN_SEPARATOR() public view returns (bytes32) {
        return block.chainid == deployedChainId ? deployedDomainSeparator : _domainSeparator();
    }

    // ---- register ----
    // The registration is decoded into memory: emitting its ten fields straight from calldata
    // (two stack slots per dynamic field) would not fit the stack without viaIR.

    function register(Registration memory registration) external {
        _register(registration, msg.sender);
    }

    function registerSigned(Registration memory registration, address signer, uint8 v, bytes32 r, bytes32 s)
        external
    {
        _checkSignature(_registrationHash(registration, nonces[signer]), signer, v, r, s);
        _register(registration, signer);
    }

    function _register(Registration memory reg, address actor) internal {
        if (reg.curator == address(0)) {
            revert ZeroCurator();
        }
        _requireText(reg.name, "name");
        _requireText(reg.version, "version");
        _requireText(reg.license, "license");
        if (reg.parents.length > MAX_PARENTS) {
            revert TooManyParents();
        }
        _requireAgent(reg.curator, actor);
        bytes32 id = datasetId(reg.curator, reg.name, reg.version);
        if (datasets[id].exists) {
            revert DatasetExists(id);
        }
        _checkParents(reg.parents);
        datasets[id] = Dataset({curator: reg.curator, exists: true, deprecated: false});
        emit DatasetRegistered(
            id,
            reg.curator,
            actor,
            reg.name,
            reg.version,
            reg.contentDigest,
            reg.metadataDigest,
            reg.metadataUri,
            reg.license,
            reg.parents
        );
    }

    /// @dev Every parent exists (so none is the new dataset, and none is 0x0) and none repeats.
    function _checkParents(bytes32[] memory parents) internal view {
        for (uint256 i = 0; i < parents.length; i++) {
            if (!datasets[parents[i]].exists) {
                revert UnknownParent(parents[i]);
            }
        }
        _checkDistinct(parents);
    }

    /// @dev Finds a repeated id in linear time with an open-addressing set in memory (at most
    /// half full, slot = low bits of the id). Ids are keccak256 outputs; someone who grinds names
    /// to make their parents' ids collide only pays more gas. 0x0 marks an empty slot, which is
    /// why parents are checked to exist first.
    function _checkDistinct(bytes32[] memory parents) private pure {
        uint256 count = parents.length;
        if (count < 2) {
            return;
        }
        uint256 size = 4;
        while (size < 2 * count) {
            size <<= 1;
        }
        bytes32[] memory set = new bytes32[](size);
        unchecked {
            for (uint256 i = 0; i < count; i++) {
                bytes32 parent = parents[i];
                uint256 slot = uint256(parent) & (size - 1);
                while (set[slot] != 0) {
                    if (set[slot] == parent) {
                        revert DuplicateParent(parent);
                    }
                    slot = (slot + 1) & (size - 1);
                }
                set[slot] = parent;
            }
        }
    }

    // ---- updateLicense ----

    function updateLicense(bytes32 id, string calldata license) external {
        _updateLicense(id, license, msg.sender);
    }

    function updateLicenseSigned(bytes32 id, string calldata license, address signer, uint8 v, bytes32 r, bytes32 s)
        external
    {
        bytes32 structHash =
            keccak256(abi.encode(UPDATE_LICENSE_TYPEHASH, id, keccak256(bytes(license)), nonces[signer]));
        _checkSignature(structHash, signer, v, r, s);
        _updateLicense(id, license, signer);
    }

    function _updateLicense(bytes32 id, string calldata license, address actor) internal {
        if (bytes(license).length == 0) {
            revert EmptyField("license");
        }
        _requireChangeable(id, actor);
        emit DatasetLicenseChanged(id, actor, license);
    }

    // ---- deprecate ----

    function deprecate(bytes32 id, string calldata reason) external {
        _deprecate(id, reason, msg.sender);
    }

    function deprecateSigned(bytes32 id, string calldata reason, address signer, uint8 v, bytes32 r, bytes32 s)
        external
    {
        bytes32 structHash =
            keccak256(abi.encode(DEPRECATE_TYPEHASH, id, keccak256(bytes(reason)), nonces[signer]));
        _checkSignature(structHash, signer, v, r, s);
        _deprecate(id, reason, signer);
    }

    function _deprecate(bytes32 id, string calldata reason, address actor) internal {
        _requireChangeable(id, actor);
        datasets[id].deprecated = true;
        emit DatasetDeprecated(id, actor, reason);
    }

    // ---- transferCuratorship ----

    function transferCuratorship(bytes32 id, address newCurator) external {
        _transferCuratorship(id, newCurator, msg.sender);
    }

    function transferCuratorshipSigned(bytes32 id, address newCurator, address signer, uint8 v, bytes32 r, bytes32 s)
        external
    {
        bytes32 structHash = keccak256(abi.encode(TRANSFER_TYPEHASH, id, newCurator, nonces[signer]));
        _checkSignature(structHash, signer, v, r, s);
        _transferCuratorship(id, newCurator, signer);
    }

    function _transferCuratorship(bytes32 id, address newCurator, address actor) internal {
        if (newCurator == address(0)) {
            revert ZeroCurator();
        }
        _requireChangeable(id, actor);
        datasets[id].curator = newCurator;
        emit DatasetCuratorChanged(id, newCurator, actor);
    }

    // ---- checks ----

    /// @dev The dataset exists, is not deprecated, and `actor` acts for its current curator.
    function _requireChangeable(bytes32 id, address actor) internal view {
        Dataset memory dataset = datasets[id];
        if (!dataset.exists) {
            revert UnknownDataset(id);
        }
        if (dataset.deprecated) {
            revert DatasetIsDeprecated(id);
        }
        _requireAgent(dataset.curator, actor);
    }

    function _requireAgent(address curator, address actor) internal view {
        if (!isCuratorAgent(curator, actor)) {
            revert NotCuratorAgent(curator, actor);
        }
    }

    function _requireText(string memory value, string memory field) internal pure {
        if (bytes(value).length == 0) {
            revert EmptyField(field);
        }
    }

    /// @dev The EIP-712 digest of `structHash` must be signed by `signer` (canonical v/s);
    /// consumes the signer's nonce, so a signature is accepted once.
    function _checkSignature(bytes32 structHash, address signer, uint8 v, bytes32 r, bytes32 s) internal {
        bytes32 digest = keccak256(abi.encodePacked(bytes2(0x1901), DOMAIN_SEPARATOR(), structHash));
        if ((v != 27 && v != 28) || uint256(s) > HALF_N) {
            revert BadSignature();
        }
        address recovered = ecrecover(digest, v, r, s);
        if (recovered == address(0) || recovered != signer) {
            revert BadSignature();
        }
        nonces[signer]++;
    }

    /// @dev hashStruct(RegisterDataset), in two halves to keep the stack shallow.
    function _registrationHash(Registration memory reg, uint256 nonce) internal pure returns (bytes32) {
        bytes memory head = abi.encode(
            REGISTER_TYPEHASH,
            reg.curator,
            keccak256(bytes(reg.name)),
            keccak256(bytes(reg.version)),
            reg.contentDigest
        );
        bytes memory tail = abi.encode(
            reg.metadataDigest,
            keccak256(bytes(reg.metadataUri)),
            keccak256(bytes(reg.license)),
            keccak256(abi.encodePacked(reg.parents)),
            nonce
        );
        return keccak256(bytes.concat(head, tail));
    }

    function _domainSeparator() private view returns (bytes32) {
        return keccak256(
            abi.encode(
                DOMAIN_TYPEHASH,
                keccak256("Assent Dataset Registry"),
                keccak256("1"),
                block.chainid,
                address(this)
            )
        );
    }
}
