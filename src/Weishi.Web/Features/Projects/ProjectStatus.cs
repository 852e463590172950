namespace Weishi.Web.Features.Projects;

public enum ProjectStatus
{
    Draft = 1,
    Submitted = 2,
    CommunityReview = 3,
    SubdistrictReview = 4,
    Publicity = 5,
    InProgress = 6,
    Completed = 7,
    Accepted = 8,
    Rejected = 9,
    Withdrawn = 10,
}
