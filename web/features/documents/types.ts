export interface DocumentSummary {
  id: string;
  entityType: string;
  entityId: string;
  fileName: string;
  title: string | null;
  mimeType: string;
  sizeBytes: number;
  createdAt: string;
  createdBy: { id: string; fullName: string } | null;
}

export interface DocumentList {
  items: DocumentSummary[];
  abilities: { canEdit: boolean };
}
