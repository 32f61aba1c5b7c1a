/**
 * Files that people attach (to case studies, to partnership activities): what they really are,
 * from their content, and a safe name to keep them under ({@link AttachmentType}).
 */
@org.springframework.modulith.NamedInterface("files")
package org.citybridge.system.files;
