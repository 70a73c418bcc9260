namespace PatentTransfer.Domain.Common;

/// <summary>A record edited by people: saving checks that nobody saved it since it was read (PostgreSQL xmin).</summary>
public interface IVersioned
{
    uint Version { get; }
}
