using Weishi.Tests.Infrastructure;

namespace Weishi.Tests.Contractors;

/// <summary>
/// Assessment and spot-check tests need projects in delivery (实施中/已验收), which the shared demo's statistics
/// would count; they get their own demo database.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ContractorCollection : ICollectionFixture<DemoApp>
{
    public const string Name = "contractors";
}
